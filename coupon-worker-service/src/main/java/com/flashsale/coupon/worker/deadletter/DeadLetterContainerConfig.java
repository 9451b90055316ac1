package com.flashsale.coupon.worker.deadletter;

import com.flashsale.coupon.worker.persistence.FailureBackOff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The dead-letter listener's own container factory: its error handler retries, then revokes
 * instead of dead-lettering again. Not a {@code CommonErrorHandler} bean on purpose, so the main
 * listener's auto-configured factory keeps the one error handler bean it finds.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterContainerConfig {

    static final String FACTORY = "deadLetterContainerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> deadLetterContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            DeadLetterProcessor processor, DeadLetterSettings settings, MeterRegistry meters) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(false);
        factory.setCommonErrorHandler(errorHandler(processor, settings, meters));
        return factory;
    }

    private static DefaultErrorHandler errorHandler(DeadLetterProcessor processor, DeadLetterSettings settings,
            MeterRegistry meters) {
        // If giving up fails too (the database went away meanwhile), the record is not committed and comes back.
        DefaultErrorHandler handler = FailureBackOff.errorHandler(
                (record, failure) -> processor.giveUp((String) record.value(), failure),
                settings.attempts(), settings.initialInterval(), settings.multiplier(), settings.maxInterval());
        Counter failedAttempts = Counter.builder("coupon.deadletter.failed.attempts")
                .description("Dead-letter processing attempts that failed (each is retried or ends in a revocation)")
                .register(meters);
        handler.setRetryListeners((record, failure, attempt) -> failedAttempts.increment());
        return handler;
    }
}
