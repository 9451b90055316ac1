package com.flashsale.coupon.gateway.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway labels and samples its metrics.
 *
 * @param instance this replica's name in the {@code instance} tag; empty means host name and port
 * @param ledgerRefresh how often the stock and outbox gauges are read from Redis: often enough to
 *        follow a sale second by second, rarely enough to cost Redis nothing
 */
@ConfigurationProperties("coupon.metrics")
record MetricsSettings(@DefaultValue("") String instance, @DefaultValue("2s") Duration ledgerRefresh) {
}
