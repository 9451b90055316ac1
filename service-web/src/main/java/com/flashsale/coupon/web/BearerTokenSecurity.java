package com.flashsale.coupon.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
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

/**
 * What both services' security chains share: a stateless bearer-token API, Boot's JWT decoder once it
 * is certain every token's issuer and audience are checked, and the operators' scope. Each service
 * builds its own chains from these (the gateway adds its member chain and rate limits).
 */
public final class BearerTokenSecurity {

    public static final String OPERATOR_SCOPE = "coupon:admin";

    /** The authority Spring Security grants a token with the operators' scope. */
    public static final String OPERATOR = "SCOPE_" + OPERATOR_SCOPE;

    /** Open to anyone: health probes, the API's documentation (where springdoc serves it), error pages. */
    public static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/v3/api-docs",
            "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    private BearerTokenSecurity() {
    }

    /**
     * A chain without session, CSRF, request cache, anonymous user or logout, whose security context
     * lives in a request attribute: every request carries its token.
     */
    public static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()));
    }

    /** Bearer tokens checked as {@code jwt} says, refusals answered in the envelope. */
    public static void bearerTokens(HttpSecurity http, Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>.JwtConfigurer> jwt,
            SecurityAnswers answers) throws Exception {
        http.oauth2ResourceServer(server -> server.jwt(jwt)
                        .authenticationEntryPoint(answers)
                        .accessDeniedHandler(answers)
                        // RFC 9728's document, which every 401 points to: tokens are not bound to a
                        // client certificate here, whatever its default claims.
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                claims -> claims.tlsClientCertificateBoundAccessTokens(false).scope(OPERATOR_SCOPE))))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(answers).accessDeniedHandler(answers));
    }

    /**
     * The chain of the operators: with tokens ({@code tokens}), every path needs scope
     * {@code coupon:admin} but the health probes, the API documentation, error pages and the
     * management port, so a path nobody listed is an operator's until someone decides otherwise;
     * without, everything is open. {@code verifier} is asked only with tokens.
     */
    public static SecurityFilterChain operatorsOnly(HttpSecurity http, boolean tokens, Supplier<JwtDecoder> verifier,
            SecurityAnswers answers, Environment environment) throws Exception {
        stateless(http);
        if (tokens) {
            JwtDecoder decoder = verifier.get();
            bearerTokens(http, jwt -> jwt.decoder(decoder), answers);
            http.authorizeHttpRequests(requests -> requests
                    .requestMatchers(new ManagementPortRequests(environment)).permitAll()
                    .requestMatchers(OPEN_PATHS).permitAll()
                    .anyRequest().hasAuthority(OPERATOR));
        } else {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        }
        return http.build();
    }

    /**
     * Checked on every token besides Boot's own (signature, {@code typ}, {@code exp}/{@code nbf},
     * audiences, and the issuer when {@code issuer-uri} is set): a token must expire, carry the
     * configured issuer, and name who it speaks for: the member, or the operator the audit trail
     * records. Declared as a bean, Boot adds it to the decoder it builds.
     */
    public static OAuth2TokenValidator<Jwt> tokenRules(String issuer) {
        List<OAuth2TokenValidator<Jwt>> rules = new ArrayList<>();
        rules.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        rules.add(new JwtClaimValidator<Object>(JwtClaimNames.SUB, BearerTokenSecurity::namesSomeone));
        if (StringUtils.hasText(issuer)) {
            rules.add(new JwtIssuerValidator(issuer));
        }
        return new DelegatingOAuth2TokenValidator<>(rules);
    }

    /** A subject that is text, not blank, without control characters (a line break would forge an audit line). */
    static boolean namesSomeone(Object subject) {
        return subject instanceof String name && !name.isBlank() && name.codePoints().noneMatch(Character::isISOControl);
    }

    /** Boot's decoder, once it is certain that every token's issuer and audience will be checked. */
    public static JwtDecoder verifier(ObjectProvider<JwtDecoder> decoder, String issuer,
            OAuth2ResourceServerProperties properties) {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        JwtDecoder boot = decoder.getIfAvailable();
        if (boot == null) {
            throw new IllegalStateException("coupon.auth.mode=jwt needs the key that signs tokens: set "
                    + "spring.security.oauth2.resourceserver.jwt.public-key-location, .jwk-set-uri or .issuer-uri "
                    + "(AUTH_PUBLIC_KEY_LOCATION, AUTH_JWK_SET_URI, AUTH_ISSUER_URI), or run coupon.auth.mode=local");
        }
        if (!StringUtils.hasText(issuer) && !StringUtils.hasText(jwt.getIssuerUri())) {
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
