package com.flashsale.coupon.gateway.web;

import com.flashsale.coupon.kit.token.TokenIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A {@link GatewayWebMvcTest} slice that verifies tokens as deployed: the real decoder trusts
 * {@link #tokens}, a key pair of this test run, instead of the slice's default trusted mode.
 */
public abstract class TokenVerifyingSlice {

    protected static final TokenIssuer tokens = TokenIssuer.forTests();

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
        tokens.serviceProperties().forEach((name, value) -> registry.add(name, () -> value));
    }
}
