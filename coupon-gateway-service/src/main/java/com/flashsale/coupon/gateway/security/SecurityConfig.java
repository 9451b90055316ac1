package com.flashsale.coupon.gateway.security;

import com.flashsale.coupon.gateway.ratelimit.RateLimits;
import com.flashsale.coupon.gateway.web.ErrorCode;
import com.flashsale.coupon.web.ApiErrorWriter;
import com.flashsale.coupon.web.BearerTokenSecurity;
import com.flashsale.coupon.web.SecurityAnswers;
import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may ask what. Two chains:
 * <ol>
 * <li>the member API (issue, a member's own issuance, the bench's constant endpoint): its rate
 * limits, then with tokens any valid token, the member being the token's. The operator paths are
 * cut out of it first: {@code /api/v1/coupons/stock/issuance} fits the issuance pattern too, and must
 * stay an operator's whichever handler Spring MVC would pick;</li>
 * <li>everything else: with tokens, the probes, API docs and the management port are open and every
 * other path, the operator endpoints first of all, needs scope {@code coupon:admin}. A path nobody
 * listed is an operator's until someone decides otherwise.</li>
 * </ol>
 * Without tokens ({@code coupon.auth.mode=local}) both chains let everything through.
 *
 * <p>The member chain is on every request of a sale, so it carries only what a stateless bearer-token
 * API needs: no session, CSRF, request cache, anonymous user, logout or servlet API wrapping, and
 * its security context lives in a request attribute.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(AuthSettings.class)
public class SecurityConfig {

    /** The member API; its rate limits apply to these paths only. */
    static final String[] MEMBER_PATHS = {"/api/v1/coupons/issue", "/api/v1/coupons/*/issuance", "/bench/constant"};

    /** The gateway's operator endpoints. */
    static final String[] OPERATOR_PATHS = {"/api/v1/coupons/stock/**"};

    @Bean
    @Order(1)
    SecurityFilterChain memberApi(HttpSecurity http, AuthSettings auth, RateLimits limits, ApiErrorWriter errors,
            ObjectProvider<JwtDecoder> decoder, ObjectProvider<JwtAuthenticationConverter> converter,
            OAuth2ResourceServerProperties resourceServer) throws Exception {
        BearerTokenSecurity.stateless(http).securityMatcher(new AndRequestMatcher(anyOf(MEMBER_PATHS), new NegatedRequestMatcher(anyOf(OPERATOR_PATHS))))
                .servletApi(AbstractHttpConfigurer::disable)
                // The same security headers as every other answer (nosniff, no caching of a member's
                // answer, no framing), written before the request goes on: written when the response
                // commits, as by default, they need a wrapper of the response, a sixth of the chain's CPU.
                .headers(headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <F extends HeaderWriterFilter> F postProcess(F filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        limits.beforeAuthentication().forEach(limit -> http.addFilterBefore(limit, BearerTokenAuthenticationFilter.class));
        if (auth.tokens()) {
            JwtAuthenticationProvider provider = new JwtAuthenticationProvider(BearerTokenSecurity.verifier(decoder, auth.issuer(), resourceServer));
            provider.setJwtAuthenticationConverter(converter.getIfAvailable(JwtAuthenticationConverter::new));
            VerifiedTokens verified = new VerifiedTokens(provider, auth.verifiedTokens());
            BearerTokenSecurity.bearerTokens(http, jwt -> jwt.authenticationManager(verified), answers(errors));
            // The token read without a regular expression, and no request details: building them
            // looks up the session (a lock in Tomcat's session manager), for a value nothing reads.
            BearerTokenAuthenticationConverter tokens = new BearerTokenAuthenticationConverter();
            tokens.setBearerTokenResolver(new BearerTokenHeader());
            tokens.setAuthenticationDetailsSource(request -> null);
            http.oauth2ResourceServer(server -> server.authenticationConverter(tokens));
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
            limits.afterAuthentication().ifPresent(limit -> http.addFilterAfter(limit, AuthorizationFilter.class));
        } else {
            // Nobody is authenticated or refused: the chain is only its rate limits.
            http.securityContext(AbstractHttpConfigurer::disable).exceptionHandling(AbstractHttpConfigurer::disable);
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operatorsAndTheRest(HttpSecurity http, AuthSettings auth, ApiErrorWriter errors,
            ObjectProvider<JwtDecoder> decoder, OAuth2ResourceServerProperties resourceServer, Environment environment)
            throws Exception {
        return BearerTokenSecurity.operatorsOnly(http, auth.tokens(),
                () -> BearerTokenSecurity.verifier(decoder, auth.issuer(), resourceServer), answers(errors), environment);
    }

    /**
     * No observation of the chains' filters, authentications and authorizations: with the actuator
     * present, Spring Security wraps every filter of every request in an observation that becomes a
     * timer, about a third of the chain's CPU in the benchmark's profile (docs/benchmarks.md). The
     * requests themselves are still timed ({@code http.server.requests}), refusals by status.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's firewall, with its default header-value rule checked without a regular expression. */
    @Bean
    WebSecurityCustomizer headerValuesByLoop() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(HeaderValues::allowed);
        return web -> web.httpFirewall(firewall);
    }

    /** A token must expire, carry the configured issuer and name its subject; Boot adds this bean to the decoder it builds. */
    @Bean
    OAuth2TokenValidator<Jwt> couponTokenRules(AuthSettings auth) {
        return BearerTokenSecurity.tokenRules(auth.issuer());
    }

    private static RequestMatcher anyOf(String... paths) {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(paths).map(path::matcher).toArray(RequestMatcher[]::new));
    }

    private static SecurityAnswers answers(ApiErrorWriter errors) {
        return new SecurityAnswers(errors, ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN);
    }
}
