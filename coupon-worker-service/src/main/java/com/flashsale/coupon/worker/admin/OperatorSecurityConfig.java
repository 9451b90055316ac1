package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.web.ApiErrorWriter;
import com.flashsale.coupon.web.BearerTokenSecurity;
import com.flashsale.coupon.web.SecurityAnswers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every endpoint of the worker is an operator's: with tokens, a token with scope {@code coupon:admin}
 * is needed for all of them ({@code /api/v1/admin/**}, stock init, the reset, and any path added
 * later), except the health probes, the API documentation where springdoc serves it, error pages and
 * the management port. Without tokens ({@code coupon.auth.mode=local}) everything is open.
 * Stateless: no session, CSRF, request cache, anonymous user or logout.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(AuthSettings.class)
class OperatorSecurityConfig {

    @Bean
    SecurityFilterChain operators(HttpSecurity http, AuthSettings auth, ObjectProvider<JwtDecoder> decoder,
            OAuth2ResourceServerProperties resourceServer, Environment environment, ApiErrorWriter errors) throws Exception {
        return BearerTokenSecurity.operatorsOnly(http, auth.tokens(),
                () -> BearerTokenSecurity.verifier(decoder, auth.issuer(), resourceServer),
                new SecurityAnswers(errors, ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN), environment);
    }

    /** A token must expire, carry the configured issuer and name its subject; Boot adds this bean to the decoder it builds. */
    @Bean
    OAuth2TokenValidator<Jwt> operatorTokenRules(AuthSettings auth) {
        return BearerTokenSecurity.tokenRules(auth.issuer());
    }
}
