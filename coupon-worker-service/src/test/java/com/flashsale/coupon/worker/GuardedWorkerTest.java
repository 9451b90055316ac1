package com.flashsale.coupon.worker;

import com.flashsale.coupon.kit.token.TokenIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A {@link WorkerStoresTest} of who may call the worker, over real HTTP: its API on {@link #port}, its
 * actuator on {@link #managementPort}, and every operator endpoint asking for a token of {@link #tokens},
 * an issuer of this test run ({@link WorkerTestEnvironment#registerWithTokens}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
public abstract class GuardedWorkerTest extends WorkerStoresTest {

    protected static final TokenIssuer tokens = TokenIssuer.forTests();

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        WorkerTestEnvironment.registerWithTokens(registry, tokens);
    }
}
