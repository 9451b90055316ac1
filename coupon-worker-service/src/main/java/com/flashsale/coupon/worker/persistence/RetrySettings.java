package com.flashsale.coupon.worker.persistence;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Back-off of a failed delivery. Transient database failures are retried on this back-off without
 * end; failures of unknown kind get {@code attemptsBeforeDeadLetter} tries. The longest pause stays
 * well under Kafka's max.poll.interval.ms, because the consumer thread waits it out.
 */
@Validated
@ConfigurationProperties("coupon.persistence.retry")
record RetrySettings(
        @NotNull Duration initialInterval,
        @DecimalMin("1.0") double multiplier,
        @NotNull Duration maxInterval,
        @Min(1) int attemptsBeforeDeadLetter) {
}
