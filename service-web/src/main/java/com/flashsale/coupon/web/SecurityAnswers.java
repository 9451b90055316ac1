package com.flashsale.coupon.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The security chain's refusals in the API envelope: 401 {@code AUTH-001} and 403 {@code AUTH-002}.
 * Spring Security's bearer-token handlers set the status and the RFC 6750 {@code WWW-Authenticate}
 * field (with the precise reason, e.g. {@code error="invalid_token"}); the body says it in the API's
 * words, without the decoder's details.
 *
 * @param unauthenticated the code of a request without a valid token (401)
 * @param forbidden the code of a valid token without scope {@code coupon:admin} (403)
 */
public record SecurityAnswers(ApiErrorWriter errors, ApiErrorCode unauthenticated, ApiErrorCode forbidden)
        implements AuthenticationEntryPoint, AccessDeniedHandler {

    // Neither keeps anything of a request: one of each serves every chain.
    private static final BearerTokenAuthenticationEntryPoint BEARER = new BearerTokenAuthenticationEntryPoint();
    private static final BearerTokenAccessDeniedHandler INSUFFICIENT_SCOPE = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        BEARER.commence(request, response, refusal);
        errors.write(response, unauthenticated, refusal instanceof OAuth2AuthenticationException
                ? "The bearer token is not valid: malformed, expired, not yet valid, not signed by the trusted key,"
                        + " or issued by another issuer or for another audience."
                : unauthenticated.message());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException {
        INSUFFICIENT_SCOPE.handle(request, response, refusal);
        errors.write(response, forbidden, "This request needs a token with scope " + BearerTokenSecurity.OPERATOR_SCOPE + ".");
    }
}
