package com.flashsale.coupon.worker.persistence;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The issued-events listener's container factory: configured exactly as Boot's default one (which
 * backs off for it), plus the rebalance listener that tells readiness the consumers have joined.
 */
@Configuration(proxyBeanMethods = false)
class IssuedEventsContainerConfig {

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            ConsumerGroupMembership membership) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.getContainerProperties().setConsumerRebalanceListener(membership.rebalanceListener());
        return factory;
    }
}
