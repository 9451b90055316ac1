package com.flashsale.coupon.worker.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Automatic topic creation is off on the brokers, so the services declare the topics they rely on. */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

    @Bean
    NewTopic couponIssuedTopic(KafkaSettings settings) {
        return topic(settings.issuedTopic(), settings);
    }

    @Bean
    NewTopic couponIssuedDeadLetterTopic(KafkaSettings settings) {
        return topic(settings.deadLetterTopic(), settings);
    }

    /** Both topics alike: a dead letter keeps its partition number, so the counts must match. */
    private static NewTopic topic(String name, KafkaSettings settings) {
        return TopicBuilder.name(name)
                .partitions(settings.partitions())
                .replicas(settings.replicas())
                .build();
    }
}
