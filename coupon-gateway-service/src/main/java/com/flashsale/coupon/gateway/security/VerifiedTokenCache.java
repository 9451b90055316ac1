package com.flashsale.coupon.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies a token once and remembers it while it is valid: a member's retry or status check with
 * the same token skips the signature check, the one step of the security chain that costs tens of
 * microseconds (an RSA verification), so what a member pays for asking again is a hash lookup.
 *
 * <p>Keyed by the whole token, so only the exact string that was verified is accepted without a new
 * check. A token is never served past its {@code exp} (the cache's expiry is exactly that instant, and
 * every token must carry one), nor longer than {@code maximumAge}. Tokens that fail are not kept: a
 * refused token is checked again, every time, like any other.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(JwtDecoder decoder, AuthSettings.VerifiedTokens settings) {
        this(decoder, settings, Clock.systemUTC(), Ticker.systemTicker());
    }

    /** With the clock tokens' times are compared to, and the ticker the cache's expiry runs on. */
    VerifiedTokenCache(JwtDecoder decoder, AuthSettings.VerifiedTokens settings, Clock clock, Ticker ticker) {
        this.decoder = decoder;
        Duration maximumAge = settings.maximumAge();
        this.verified = Caffeine.newBuilder()
                .maximumSize(settings.maximumSize())
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> keptFor(jwt, clock.instant(), maximumAge)))
                .ticker(ticker)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null) {
            jwt = decoder.decode(token);
            verified.put(token, jwt);
        }
        return jwt;
    }

    private static Duration keptFor(Jwt jwt, Instant now, Duration maximumAge) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, expiresAt);
        return left.isNegative() ? Duration.ZERO : left.compareTo(maximumAge) < 0 ? left : maximumAge;
    }

}
