package com.flashsale.coupon.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The web layer both services share, imported by each application: strict JSON, refusals written in
 * the envelope where no controller runs, and the instance tag on every meter.
 */
@Configuration(proxyBeanMethods = false)
@Import({ StrictJsonConfig.class, InstanceTagConfig.class, ApiErrorWriter.class })
public class ServiceWebConfig {
}
