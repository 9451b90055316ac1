package com.flashsale.coupon.worker.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.RetryListener;

/**
 * Counts and logs every failed attempt with its cause. The container itself only says a record is
 * "in retry", which leaves an operator guessing why persistence stalls while the database is away.
 */
class FailedDeliveryMonitor implements RetryListener {

    private static final Logger log = LoggerFactory.getLogger(FailedDeliveryMonitor.class);

    private final MeterRegistry meters;

    FailedDeliveryMonitor(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        FailureKind kind = FailureKind.of(failure);
        Counter.builder("coupon.persistence.failed.deliveries")
                .description("Failed attempts to persist an issued event, by kind of failure")
                .tag("kind", kind.tag())
                .register(meters)
                .increment();
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        log.warn("Persisting {}-{}@{} failed ({}, attempt {}): {}: {}", record.topic(), record.partition(),
                record.offset(), kind.tag(), deliveryAttempt, cause.getClass().getSimpleName(), cause.getMessage());
    }
}
