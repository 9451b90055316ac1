package com.flashsale.coupon.gateway.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway samples its metrics (the {@code instance} tag, {@code coupon.metrics.instance}, is
 * set by service-web's InstanceTagConfig, as in the worker).
 *
 * @param ledgerRefresh how often the stock and outbox gauges are read from Redis: often enough to
 *        follow a sale second by second, rarely enough to cost Redis nothing
 */
@ConfigurationProperties("coupon.metrics")
record MetricsSettings(@DefaultValue("2s") Duration ledgerRefresh) {
}
