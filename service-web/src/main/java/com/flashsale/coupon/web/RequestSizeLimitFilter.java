package com.flashsale.coupon.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies larger than any valid request before they are read, in both services: an issue
 * request is a few dozen bytes and an operator's a few hundred, so a large body is a mistake or an
 * attack and must not cost parsing time. A body
 * that does not say its length is refused too ({@code 411}).
 *
 * <p>Written here because neither Spring MVC nor Boot's Tomcat settings bound a JSON body: Tomcat's
 * {@code max-http-form-post-size} covers form posts only, and {@code max-swallow-size} what is
 * discarded after an answer. The refusal is written in the API's envelope by {@link ApiErrorWriter},
 * since no handler has run yet.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(RequestSizeLimitFilter.RequestLimits.class)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ApiErrorWriter errors;

    RequestSizeLimitFilter(RequestLimits limits, ApiErrorWriter errors) {
        this.maxBytes = limits.maxBodySize().toBytes();
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            errors.write(response, ApiError.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes.");
            return;
        }
        if (length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            // A body of unknown length (chunked) could only be bounded while it is read, by then by a
            // parser: a request that small has no reason not to say its length.
            errors.write(response, HttpStatus.LENGTH_REQUIRED, ApiError.REFUSED_UNREAD,
                    "Send the body with a Content-Length of at most " + maxBytes + " bytes; a body of unknown length is not read.");
            return;
        }
        chain.doFilter(request, response);
    }

    @ConfigurationProperties("coupon.http")
    record RequestLimits(@DefaultValue("4KB") DataSize maxBodySize) {
    }
}
