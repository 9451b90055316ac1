package com.flashsale.coupon.gateway.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Operator endpoints exist only under the {@code local} profile, or for callers presenting the
 * configured admin token. Anyone else gets a plain 404: in production they are not there at all.
 *
 * <p>One shared token compared in constant time: a check this small does not need Spring
 * Security's filter chain and its dependency, while no other endpoint authenticates anyone.
 */
@Component
@EnableConfigurationProperties(AdminAccessFilter.AdminSettings.class)
class AdminAccessFilter extends OncePerRequestFilter {

    static final String TOKEN_HEADER = "X-Admin-Token";

    private final boolean local;
    private final byte[] token;

    AdminAccessFilter(Environment environment, AdminSettings settings) {
        this.local = environment.acceptsProfiles(Profiles.of("local"));
        this.token = settings.token() == null || settings.token().isBlank() ? null
                : settings.token().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/api/v1/coupons/stock/") || path.startsWith("/api/test/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (local || presentsToken(request)) {
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private boolean presentsToken(HttpServletRequest request) {
        String given = request.getHeader(TOKEN_HEADER);
        return token != null && given != null
                && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    @ConfigurationProperties("coupon.admin")
    record AdminSettings(String token) {
    }
}
