package com.flashsale.coupon.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error page is where the server forwards a failed request, not an endpoint: asked for directly,
 * Boot's error controller finds no error and answers {@code 500} with status 999, outside the envelope,
 * counted as a server error by every dashboard and alert. A direct request for it is answered as any
 * path no endpoint serves; forwards to it (the {@code ERROR} dispatch) are untouched.
 */
@Configuration(proxyBeanMethods = false)
class ErrorPageRequests {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> errorPageAskedDirectly(@Value("${server.error.path:/error}") String errorPath,
            ApiErrorWriter errors) {
        OncePerRequestFilter notAnEndpoint = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws IOException {
                errors.write(response, ApiError.NO_SUCH_ENDPOINT, ApiError.NO_SUCH_ENDPOINT.message());
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(notAnEndpoint);
        registration.addUrlPatterns(errorPath);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        // Last of the filters, as a handler would answer: the request is timed, and the security
        // chain has written its headers (the path is open to anyone).
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
