package com.flashsale.coupon.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/** A token is verified once and then answered from memory, never past its expiry or the maximum age. */
class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger verifications = new AtomicInteger();
    private Instant expiresAt = START.plusSeconds(60);

    /** Stands for the signature check: counts its calls, refuses the token "bad". */
    private final JwtDecoder decoder = token -> {
        verifications.incrementAndGet();
        if (token.equals("bad")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("7").claim("scope", "coupon:admin")
                .issuedAt(START).expiresAt(expiresAt).build();
    };

    private VerifiedTokens tokens(Duration maximumAge) {
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return START.plusNanos(nanos.get());
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        return new VerifiedTokens(new JwtAuthenticationProvider(decoder), new AuthSettings.Cache(100, maximumAge), clock, nanos::get);
    }

    @Test
    void verifiesAGivenTokenOnceWhileItIsValid() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5));

        Authentication first = tokens.authenticate(request("token-a"));
        advance(Duration.ofSeconds(59));
        Authentication again = tokens.authenticate(request("token-a"));

        assertThat(again).isSameAs(first);
        assertThat(first.getName()).isEqualTo("7");
        assertThat(first.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("SCOPE_coupon:admin");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void keepsNoRequestsDetailsInWhatItRemembers() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5));
        BearerTokenAuthenticationToken request = request("token-a");
        request.setDetails("the first request's address");

        assertThat(tokens.authenticate(request).getDetails()).isNull();
    }

    /** A token remembered until the earlier of its expiry and the maximum age, and verified again from then on. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "verifies again once the token expired,       PT60S, PT5M,  PT60S",
            "keeps no token longer than the maximum age,  PT1H,  PT10S, PT10S"})
    void verifiesAgainOnceTheTokenExpiredOrTheMaximumAgePassed(String behaviour, Duration lifetime, Duration maximumAge,
            Duration later) {
        expiresAt = START.plus(lifetime);
        VerifiedTokens tokens = tokens(maximumAge);
        tokens.authenticate(request("token-a"));

        advance(later);
        tokens.authenticate(request("token-a"));

        assertThat(verifications).hasValue(2);
    }

    @Test
    void remembersNoRefusalAndNoOtherToken() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5));

        assertThatThrownBy(() -> tokens.authenticate(request("bad"))).isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> tokens.authenticate(request("bad"))).isInstanceOf(InvalidBearerTokenException.class);
        tokens.authenticate(request("token-a"));
        tokens.authenticate(request("token-a."));

        assertThat(verifications).hasValue(4);
    }

    private static BearerTokenAuthenticationToken request(String token) {
        return new BearerTokenAuthenticationToken(token);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
