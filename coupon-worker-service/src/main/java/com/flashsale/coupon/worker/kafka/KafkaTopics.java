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
        return TopicBuilder.name(settings.issuedTopic())
                .partitions(settings.partitions())
                .replicas(settings.replicas())
                .build();
    }

    @Bean
    NewTopic couponIssuedDeadLetterTopic(KafkaSettings settings) {
        return TopicBuilder.name(settings.deadLetterTopic())
                .partitions(settings.partitions())
                .replicas(settings.replicas())
                .build();
    }
}
