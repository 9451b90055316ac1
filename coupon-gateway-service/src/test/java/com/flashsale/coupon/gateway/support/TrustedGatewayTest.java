package com.flashsale.coupon.gateway.support;

import com.flashsale.coupon.kit.api.Credentials;
import com.flashsale.coupon.kit.api.SaleClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test of the gateway over real HTTP against the real servers, trusting the member each request
 * names ({@link GatewayTestProperties#register}): the gateway's port, and the kit's client of it, new
 * for each test.
 */
public abstract class TrustedGatewayTest {

    @LocalServerPort
    protected int port;

    @AutoClose
    protected SaleClient api;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        GatewayTestProperties.register(registry);
    }

    @BeforeEach
    void openClient() {
        api = SaleClient.ofService(port, Credentials.none());
    }
}
