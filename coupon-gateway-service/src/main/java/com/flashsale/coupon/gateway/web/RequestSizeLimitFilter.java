package com.flashsale.coupon.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies larger than any valid request before they are read: an issue request is a few
 * dozen bytes, so a large body is a mistake or an attack and must not cost parsing time.
 *
 * <p>Written here because neither Spring MVC nor Boot's Tomcat settings bound a JSON body: Tomcat's
 * {@code max-http-form-post-size} covers form posts only, and {@code max-swallow-size} what is
 * discarded after an answer. The refusal is written directly, in the API's envelope, since no
 * handler has run yet.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(RequestSizeLimitFilter.RequestLimits.class)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    RequestSizeLimitFilter(RequestLimits limits) {
        this.maxBytes = limits.maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            ErrorCode code = ErrorCode.PAYLOAD_TOO_LARGE;
            response.setStatus(code.status().value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(("{\"success\":false,\"error\":{\"code\":\"" + code.code()
                    + "\",\"message\":\"The request body is larger than " + maxBytes + " bytes.\"},\"timestamp\":\""
                    + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    @ConfigurationProperties("coupon.http")
    record RequestLimits(@DefaultValue("4KB") DataSize maxBodySize) {
    }
}
