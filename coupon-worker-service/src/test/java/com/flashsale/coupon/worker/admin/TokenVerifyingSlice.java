package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.kit.token.TokenIssuer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operator endpoints' slice verifying tokens as deployed: the real decoder trusts {@link #tokens},
 * a key pair of this test run.
 */
abstract class TokenVerifyingSlice extends OperatorEndpointsSlice {

    static final TokenIssuer tokens = TokenIssuer.forTests();

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
        tokens.serviceProperties().forEach((name, value) -> registry.add(name, () -> value));
    }
}
