package com.flashsale.coupon.worker.persistence;

import com.flashsale.coupon.worker.kafka.KafkaSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one error handler of the listener containers: permanent failures go to the dead-letter topic
 * at once, transient database failures are retried until the database is back (blocking the
 * partition, which keeps its order), and anything else gets a few attempts before the dead letter.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceErrorHandling {

    @Bean
    CommonErrorHandler persistenceErrorHandler(KafkaTemplate<?, ?> kafkaTemplate, KafkaSettings kafka,
            RetrySettings retry, MeterRegistry meters) {
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters(kafkaTemplate, kafka, meters),
                limited(retry));
        FailureKind.PERMANENT_TYPES.forEach(handler::addNotRetryableExceptions);
        BackOff unlimited = unlimited(retry);
        handler.setBackOffFunction((record, failure) -> FailureKind.of(failure) == FailureKind.TRANSIENT
                ? unlimited
                : null);
        handler.setRetryListeners(new FailedDeliveryMonitor(meters));
        // The failure is logged with its cause by the monitor and counted; the container's own report
        // of the follow-up seek is routine, not an error.
        handler.setLogLevel(KafkaException.Level.WARN);
        return handler;
    }

    private static ConsumerAwareRecordRecoverer deadLetters(KafkaTemplate<?, ?> kafkaTemplate, KafkaSettings kafka,
            MeterRegistry meters) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(kafkaTemplate,
                // Same partition number: the dead-letter topic is created with as many partitions.
                (record, failure) -> new TopicPartition(kafka.deadLetterTopic(), record.partition()));
        // A dead letter that did not reach Kafka must fail the recovery, so the record is not committed.
        publisher.setFailIfSendResultIsError(true);
        Counter deadLettered = Counter.builder("coupon.persistence.dead.lettered")
                .description("Issued events sent to the dead-letter topic")
                .register(meters);
        return (record, consumer, failure) -> {
            publisher.accept(record, consumer, failure);
            deadLettered.increment();
        };
    }

    private static BackOff limited(RetrySettings retry) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(
                retry.attemptsBeforeDeadLetter() - 1);
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return backOff;
    }

    private static BackOff unlimited(RetrySettings retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return backOff;
    }
}
