package com.flashsale.coupon.worker.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request through to an admin endpoint when the endpoints are open (the {@code local}
 * profile) or the request carries the configured token. Any other request gets the same 404 as an
 * unknown path, so the endpoints cannot be discovered.
 *
 * <p>One shared token compared in constant time: a check this small does not need Spring
 * Security's filter chain and its dependency, while no other endpoint authenticates anyone.
 */
class AdminAccessInterceptor implements HandlerInterceptor {

    static final String TOKEN_HEADER = "X-Admin-Token";

    private final boolean open;
    private final byte[] token;

    AdminAccessInterceptor(boolean open, AdminSettings settings) {
        this.open = open;
        this.token = settings.hasToken() ? settings.token().getBytes(StandardCharsets.UTF_8) : null;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (open || carriesToken(request)) {
            return true;
        }
        response.sendError(HttpStatus.NOT_FOUND.value());
        return false;
    }

    private boolean carriesToken(HttpServletRequest request) {
        String presented = request.getHeader(TOKEN_HEADER);
        // Constant-time comparison: the answer time must not reveal how much of a guess was right.
        return token != null && presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
