package com.flashsale.coupon.gateway.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test of the gateway over real HTTP against the real servers, trusting the member each request
 * names ({@link GatewayTestProperties#register}).
 */
public abstract class TrustedGatewayTest extends GatewayHttpTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        GatewayTestProperties.register(registry);
    }
}
