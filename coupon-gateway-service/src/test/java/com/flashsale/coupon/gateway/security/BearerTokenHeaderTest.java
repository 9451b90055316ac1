package com.flashsale.coupon.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The token is read from the header exactly as Spring Security's default resolver reads it. */
class BearerTokenHeaderTest {

    static final List<String> AUTHORIZATION_HEADERS = List.of(
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI3In0.c2ln-_~+/==",
            "bearer abc", "BEARER abc", "BeArEr a.b.c", "Bearer a=", "Bearer a==", "Bearer =", "Bearer a=b",
            "Bearer", "Bearer ", "Bearer  abc", "Bearer abc ", "Bearerabc", "Bearer a b", "Bearer a\tb", "Bearer é",
            "Bearer a%20b", "Bearer a,b", "Basic dXNlcjpwYXNz", "bear abc", "", "Token abc", "Bearer\tabc");

    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();
    private final BearerTokenResolver ours = new BearerTokenHeader();

    @ParameterizedTest
    @FieldSource("AUTHORIZATION_HEADERS")
    void readsTheHeaderAsSpringSecuritysDefaultResolverDoes(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", authorization);

        assertThat(answer(ours, request)).isEqualTo(answer(spring, request));
    }

    @Test
    void findsNoTokenWithoutTheHeader() {
        assertThat(ours.resolve(new MockHttpServletRequest())).isNull();
    }

    /** The token, or the refusal's error code and description. */
    private static String answer(BearerTokenResolver resolver, MockHttpServletRequest request) {
        Throwable refusal = catchThrowable(() -> resolver.resolve(request));
        if (refusal instanceof OAuth2AuthenticationException oauth) {
            return "refused: " + oauth.getError().getErrorCode() + " " + oauth.getError().getDescription();
        }
        assertThat(refusal).isNull();
        return String.valueOf(resolver.resolve(request));
    }
}
