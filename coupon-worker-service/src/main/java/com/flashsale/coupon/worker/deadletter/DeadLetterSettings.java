package com.flashsale.coupon.worker.deadletter;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How hard the dead-letter processor tries before it revokes an issuance. Only permanent failures
 * count against {@code attempts}: while the database is unreachable it waits without limit, because
 * revoking a coupon over an outage would break the promise made to the member.
 */
@Validated
@ConfigurationProperties("coupon.deadletter")
record DeadLetterSettings(
        @DefaultValue("3") @Min(1) int attempts,
        @DefaultValue("1s") @NotNull Duration initialInterval,
        @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
        @DefaultValue("30s") @NotNull Duration maxInterval) {
}
