package com.flashsale.coupon.worker.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may operate. The key that signs tokens and the audiences a token must name are Spring Boot's
 * own {@code spring.security.oauth2.resourceserver.jwt.*} properties, as in the gateway.
 *
 * @param mode {@code jwt}: every operator request carries a bearer token with scope
 *        {@code coupon:admin}; {@code local}: the operator endpoints are open (the {@code local}
 *        profile's mode)
 * @param issuer the {@code iss} every token must carry. Required unless
 *        {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is set (which Boot checks itself)
 */
@ConfigurationProperties("coupon.auth")
record AuthSettings(@DefaultValue("jwt") Mode mode, String issuer) {

    enum Mode {
        JWT, LOCAL
    }

    boolean tokens() {
        return mode == Mode.JWT;
    }
}
