package com.flashsale.coupon.gateway.support;

import java.io.IOException;
import org.junit.jupiter.api.AutoClose;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test of the gateway over real HTTP whose Redis is reached through {@link #proxy}, which the test
 * cuts or stalls ({@link GatewayTestProperties#registerBehindProxy}); the ledger is written directly,
 * past the proxy. The gateway trusts the member each request names.
 */
public abstract class GatewayBehindProxyTest extends GatewayHttpTest {

    @AutoClose
    protected static TcpProxy proxy;

    @DynamicPropertySource
    static void serversBehindProxy(DynamicPropertyRegistry registry) throws IOException {
        proxy = GatewayTestProperties.registerBehindProxy(registry);
    }
}
