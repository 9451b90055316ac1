package com.flashsale.coupon.gateway.support;

import com.flashsale.coupon.kit.api.Credentials;
import com.flashsale.coupon.kit.api.SaleClient;
import java.io.IOException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test of the gateway over real HTTP whose Redis is reached through {@link #proxy}, which the test
 * cuts or stalls ({@link GatewayTestProperties#registerBehindProxy}); the ledger is written directly,
 * past the proxy. The gateway trusts the member each request names.
 */
public abstract class GatewayBehindProxyTest {

    @AutoClose
    protected static TcpProxy proxy;

    @AutoClose
    protected final LedgerFixture ledger = new LedgerFixture();

    @LocalServerPort
    protected int port;

    @AutoClose
    protected SaleClient api;

    @DynamicPropertySource
    static void serversBehindProxy(DynamicPropertyRegistry registry) throws IOException {
        proxy = GatewayTestProperties.registerBehindProxy(registry);
    }

    @BeforeEach
    void openClient() {
        api = SaleClient.ofService(port, Credentials.none());
    }
}
