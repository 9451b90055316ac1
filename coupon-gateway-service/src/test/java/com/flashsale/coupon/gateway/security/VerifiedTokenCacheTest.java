package com.flashsale.coupon.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A token is verified once and then served from memory, never past its expiry or the maximum age. */
class VerifiedTokenCacheTest {

    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger verifications = new AtomicInteger();
    private Instant expiresAt = START.plusSeconds(60);

    /** Stands for the signature check: counts its calls, refuses the token "bad". */
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.equals("bad")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("7").issuedAt(START).expiresAt(expiresAt).build();
    };

    private VerifiedTokenCache cache(Duration maximumAge) {
        return new VerifiedTokenCache(verifier, new AuthSettings.VerifiedTokens(100, maximumAge),
                new Clock() {
                    @Override
                    public Instant instant() {
                        return START.plusNanos(nanos.get());
                    }

                    @Override
                    public java.time.ZoneId getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }
                }, nanos::get);
    }

    @Test
    void verifiesAGivenTokenOnceWhileItIsValid() {
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5));

        Jwt first = cache.decode("token-a");
        advance(Duration.ofSeconds(59));
        Jwt again = cache.decode("token-a");

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void verifiesAgainOnceTheTokenExpired() {
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5));
        cache.decode("token-a");

        advance(Duration.ofSeconds(60));
        cache.decode("token-a");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void keepsNoTokenLongerThanTheMaximumAge() {
        expiresAt = START.plus(Duration.ofHours(1));
        VerifiedTokenCache cache = cache(Duration.ofSeconds(10));
        cache.decode("token-a");

        advance(Duration.ofSeconds(10));
        cache.decode("token-a");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void remembersNoRefusalAndNoOtherToken() {
        VerifiedTokenCache cache = cache(Duration.ofMinutes(5));

        assertThatThrownBy(() -> cache.decode("bad")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("bad")).isInstanceOf(BadJwtException.class);
        cache.decode("token-a");
        cache.decode("token-a.");

        assertThat(verifications).hasValue(4);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
