package com.flashsale.coupon.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Authenticates a bearer token once and remembers the result while the token is valid: a member's
 * retry or status check with the same token skips the signature check (an RSA verification, tens of
 * microseconds) and the claims' conversion, so asking again costs a hash lookup.
 *
 * <p>The first time, Spring Security's own {@link JwtAuthenticationProvider} does the work: Boot's
 * decoder (signature, {@code typ}, times, issuer, audiences) and the claims' conversion to the
 * member and scopes. What is kept is that immutable result, without any request's details. Keyed
 * by the whole token, so only the exact string that was verified is accepted without a new check.
 * A token is never accepted past its {@code exp} (the entry's expiry is exactly that instant, and
 * every token must carry one), nor longer than {@code maximumAge}. A refused token is not kept: it
 * is checked again, every time. The member chain's one authentication manager: Spring Security's
 * provider manager and its events are left out of the hot path (nothing listens to them here).
 */
final class VerifiedTokens implements AuthenticationManager {

    private final JwtAuthenticationProvider verifier;
    private final Cache<String, Authentication> verified;

    VerifiedTokens(JwtAuthenticationProvider verifier, AuthSettings.Cache settings) {
        this(verifier, settings, Clock.systemUTC(), Ticker.systemTicker());
    }

    /** With the clock tokens' times are compared to, and the ticker the cache's expiry runs on. */
    VerifiedTokens(JwtAuthenticationProvider verifier, AuthSettings.Cache settings, Clock clock, Ticker ticker) {
        this.verifier = verifier;
        Duration maximumAge = settings.maximumAge();
        this.verified = Caffeine.newBuilder()
                .maximumSize(settings.maximumSize())
                .expireAfter(Expiry.creating((String token, Authentication result) -> keptFor(result, clock.instant(), maximumAge)))
                .ticker(ticker)
                .build();
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String token = ((BearerTokenAuthenticationToken) request).getToken();
        Authentication result = verified.getIfPresent(token);
        if (result == null) {
            // A fresh request token: the result must not carry this request's details into the next one.
            result = verifier.authenticate(new BearerTokenAuthenticationToken(token));
            verified.put(token, result);
        }
        return result;
    }

    private static Duration keptFor(Authentication result, Instant now, Duration maximumAge) {
        Instant expiresAt = result instanceof JwtAuthenticationToken jwt ? jwt.getToken().getExpiresAt() : null;
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, expiresAt);
        return left.isNegative() ? Duration.ZERO : left.compareTo(maximumAge) < 0 ? left : maximumAge;
    }
}
