package com.flashsale.coupon.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's firewall refuses a URL or header it cannot read one way only ({@code ;x=1},
 * {@code //}, an encoded slash) before any chain runs; Spring Security finds this bean and answers
 * that refusal in the envelope like every other one, instead of the servlet container's error page.
 * The firewall's reason names the offending part of the request, nothing of the service.
 */
record FirewallRefusals(ApiErrorWriter errors) implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refusal)
            throws IOException {
        errors.write(response, ApiError.REFUSED_UNREAD, refusal.getMessage());
    }
}
