package com.flashsale.coupon.worker.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the worker labels its metrics.
 *
 * @param instance this replica's name in the {@code instance} tag; empty means host name and port
 */
@ConfigurationProperties("coupon.metrics")
record MetricsSettings(@DefaultValue("") String instance) {
}
