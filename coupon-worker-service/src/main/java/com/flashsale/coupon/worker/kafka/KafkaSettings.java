package com.flashsale.coupon.worker.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Topics and consumer layout. Partitions bound the useful worker parallelism (replicas x concurrency),
 * and the dead-letter topic gets the same count because dead letters keep their partition number.
 */
@Validated
@ConfigurationProperties("coupon.kafka")
public record KafkaSettings(
        @NotBlank String issuedTopic,
        @NotBlank String deadLetterTopic,
        @NotBlank String groupId,
        @Min(1) int partitions,
        @Min(1) short replicas,
        @Min(1) int concurrency) {
}
