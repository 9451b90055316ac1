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
        DefaultErrorHandler handler = FailureBackOff.errorHandler(deadLetters(kafkaTemplate, kafka, meters),
                retry.attemptsBeforeDeadLetter(), retry.initialInterval(), retry.multiplier(), retry.maxInterval());
        FailureKind.PERMANENT_TYPES.forEach(handler::addNotRetryableExceptions);
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
}
