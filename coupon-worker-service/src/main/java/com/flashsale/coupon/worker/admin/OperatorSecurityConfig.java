package com.flashsale.coupon.worker.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

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

    static final String OPERATOR_SCOPE = "coupon:admin";

    /** Open to anyone: health probes, the API's documentation (where springdoc serves it), error pages. */
    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    SecurityFilterChain operators(HttpSecurity http, AuthSettings auth, ObjectProvider<JwtDecoder> decoder,
            OAuth2ResourceServerProperties resourceServer, Environment environment, JsonMapper json) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()));
        if (auth.tokens()) {
            SecurityAnswers answers = new SecurityAnswers(json);
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(verifier(decoder, auth, resourceServer)))
                            .authenticationEntryPoint(answers)
                            .accessDeniedHandler(answers))
                    .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                    .authorizeHttpRequests(requests -> requests
                            .requestMatchers(new ManagementPortRequests(environment)).permitAll()
                            .requestMatchers(OPEN_PATHS).permitAll()
                            .anyRequest().hasAuthority("SCOPE_" + OPERATOR_SCOPE));
        } else {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        }
        return http.build();
    }

    /**
     * Checked on every token besides Boot's own (signature, {@code typ}, {@code exp}/{@code nbf},
     * audiences, and the issuer when {@code issuer-uri} is set): a token must expire, and carry the
     * configured issuer. Boot adds every such bean to the decoder it builds.
     */
    @Bean
    OAuth2TokenValidator<Jwt> operatorTokenRules(AuthSettings auth) {
        List<OAuth2TokenValidator<Jwt>> rules = new ArrayList<>();
        rules.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        if (StringUtils.hasText(auth.issuer())) {
            rules.add(new JwtIssuerValidator(auth.issuer()));
        }
        return new DelegatingOAuth2TokenValidator<>(rules);
    }

    /** Boot's decoder, once it is certain that every token's issuer and audience will be checked. */
    private static JwtDecoder verifier(ObjectProvider<JwtDecoder> decoder, AuthSettings auth,
            OAuth2ResourceServerProperties properties) {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        JwtDecoder boot = decoder.getIfAvailable();
        if (boot == null) {
            throw new IllegalStateException("coupon.auth.mode=jwt needs the key that signs tokens: set "
                    + "spring.security.oauth2.resourceserver.jwt.public-key-location, .jwk-set-uri or .issuer-uri "
                    + "(AUTH_PUBLIC_KEY_LOCATION, AUTH_JWK_SET_URI, AUTH_ISSUER_URI), or run coupon.auth.mode=local");
        }
        if (!StringUtils.hasText(auth.issuer()) && !StringUtils.hasText(jwt.getIssuerUri())) {
            throw new IllegalStateException("coupon.auth.mode=jwt needs the issuer tokens must carry: set coupon.auth.issuer "
                    + "(AUTH_ISSUER) or spring.security.oauth2.resourceserver.jwt.issuer-uri (AUTH_ISSUER_URI)");
        }
        if (jwt.getAudiences().isEmpty()) {
            throw new IllegalStateException("coupon.auth.mode=jwt needs the audience tokens must name: set "
                    + "spring.security.oauth2.resourceserver.jwt.audiences (AUTH_AUDIENCES)");
        }
        return boot;
    }
}
