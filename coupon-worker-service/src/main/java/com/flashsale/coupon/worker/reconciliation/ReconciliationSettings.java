package com.flashsale.coupon.worker.reconciliation;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param interval pause between two scheduled runs
 * @param gracePeriod how old an acceptance in Redis must be before reconciliation persists it
 *        itself; younger ones are most likely still on their way through the outbox and Kafka
 * @param lockAtMostFor how long a replica that died mid-run keeps the others from reconciling
 */
@Validated
@ConfigurationProperties("coupon.reconciliation")
record ReconciliationSettings(
        @DefaultValue("5m") @NotNull Duration interval,
        @DefaultValue("60s") @NotNull Duration gracePeriod,
        @DefaultValue("10m") @NotNull Duration lockAtMostFor) {
}
