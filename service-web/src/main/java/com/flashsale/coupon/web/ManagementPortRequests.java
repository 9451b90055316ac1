package com.flashsale.coupon.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests that arrived on a management port of its own ({@code management.server.port}), which
 * serves the actuator only and is not published: Prometheus and the probes reach it, the public does
 * not. Spring Boot runs the security chains there too. When the actuator shares the server port,
 * nothing matches (Boot then reports the server port as the management port) and the actuator is
 * guarded like any other path.
 */
public record ManagementPortRequests(Environment environment) implements RequestMatcher {

    @Override
    public boolean matches(HttpServletRequest request) {
        // Known only once the servers listen (either may be port 0): read when asked, not at start.
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        return management != null && !management.equals(server) && management == request.getLocalPort();
    }
}
