package com.flashsale.coupon.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The web layer both services share, imported by each application: bodies of a bounded size, strict
 * JSON and no other format, only the query parameters an endpoint reads, refusals written in the
 * envelope where no controller runs (the firewall's too), the error page kept for errors, and the
 * instance tag on every meter.
 */
@Configuration(proxyBeanMethods = false)
@Import({ StrictJsonConfig.class, ApiRequestRules.class, InstanceTagConfig.class, ApiErrorWriter.class,
        RequestSizeLimitFilter.class, FirewallRefusals.class, ErrorPageRequests.class })
public class ServiceWebConfig {
}
