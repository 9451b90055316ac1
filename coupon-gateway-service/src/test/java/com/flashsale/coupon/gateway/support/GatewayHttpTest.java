package com.flashsale.coupon.gateway.support;

import com.flashsale.coupon.kit.api.Credentials;
import com.flashsale.coupon.kit.api.SaleClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test of the gateway over real HTTP, the gateway trusting the member each request names: its port,
 * the kit's client of it and the ledger, written directly on the test Redis, new for each test. How
 * the gateway reaches the servers is its subclass's registration: {@link TrustedGatewayTest} or
 * {@link GatewayBehindProxyTest}.
 */
abstract class GatewayHttpTest {

    @AutoClose
    protected final LedgerFixture ledger = new LedgerFixture();

    @LocalServerPort
    protected int port;

    @AutoClose
    protected SaleClient api;

    @BeforeEach
    void openClient() {
        api = SaleClient.ofService(port, Credentials.none());
    }
}
