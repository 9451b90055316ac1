package com.flashsale.coupon.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may ask. The key that signs tokens, the audiences a token must name and the member claim are
 * Spring Boot's own {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 *
 * @param mode {@code jwt}: every member request carries a bearer token naming its member, every
 *        operator request a token with scope {@code coupon:admin}; {@code local}: nobody is asked
 *        who they are, the member is the one the request names (the {@code local} profile's mode)
 * @param issuer the {@code iss} every token must carry. Required unless
 *        {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is set (which Boot checks
 *        itself); needed in particular with a public key, whose decoder Boot builds without one
 * @param verifiedTokens tokens whose signature and claims were checked, kept so a member's next
 *        request with the same token skips the signature check
 */
@ConfigurationProperties("coupon.auth")
public record AuthSettings(@DefaultValue("jwt") Mode mode, String issuer, @DefaultValue Cache verifiedTokens) {

    public enum Mode {
        JWT, LOCAL
    }

    public boolean tokens() {
        return mode == Mode.JWT;
    }

    /**
     * @param maximumSize tokens kept at most (about 2 KB each); the least useful go first
     * @param maximumAge how long a token is kept at most, whatever its {@code exp}: the longest a
     *        token signed by a key the issuer has since withdrawn keeps being accepted. A token is
     *        never kept past its own {@code exp}
     */
    public record Cache(@DefaultValue("20000") long maximumSize, @DefaultValue("5m") Duration maximumAge) {
    }
}
