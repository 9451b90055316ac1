package com.flashsale.coupon.worker.provisioning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How often the ledger's reference data is rewritten from MySQL, and how many members go into one
 * Redis command. The periodic run heals what an admin change or a Redis restart may have missed.
 */
@Validated
@ConfigurationProperties("coupon.provisioning")
record ProvisioningSettings(@NotNull Duration interval, @Min(1) @Max(10_000) int memberChunkSize) {
}
