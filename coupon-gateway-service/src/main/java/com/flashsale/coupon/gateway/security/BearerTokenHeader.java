package com.flashsale.coupon.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Reads the bearer token from the {@code Authorization} header exactly as Spring Security's
 * {@code DefaultBearerTokenResolver} does with its defaults ({@code Bearer} in any case, one space,
 * an RFC 6750 b64token, never a query or form parameter), without its regular expression: matching
 * it over a token of some 700 characters was a fifth of the member API's CPU per request in the
 * benchmark's profile (docs/benchmarks.md). {@code BearerTokenHeaderTest} holds both to the same
 * answers.
 */
final class BearerTokenHeader implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";
    /** RFC 6750's b64token characters (before the trailing '='s). */
    private static final boolean[] TOKEN_CHARACTERS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            TOKEN_CHARACTERS[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
        }
    }

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
            return null;
        }
        if (!wellFormed(authorization)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(SCHEME.length());
    }

    /** {@code Bearer SP 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}, the scheme in any case. */
    static boolean wellFormed(String authorization) {
        int length = authorization.length();
        if (length <= SCHEME.length() || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        int i = SCHEME.length();
        while (i < length && tokenCharacter(authorization.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            return false;
        }
        while (i < length && authorization.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }

    private static boolean tokenCharacter(char c) {
        return c < 128 && TOKEN_CHARACTERS[c];
    }
}
