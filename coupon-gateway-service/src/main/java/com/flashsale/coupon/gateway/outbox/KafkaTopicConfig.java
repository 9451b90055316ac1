package com.flashsale.coupon.gateway.outbox;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The gateway publishes before any worker may have started, so it creates the topic too (same counts). */
@Configuration(proxyBeanMethods = false)
class KafkaTopicConfig {

    @Bean
    NewTopic couponIssuedTopic(RelaySettings settings) {
        return TopicBuilder.name(settings.topic())
                .partitions(settings.partitions())
                .replicas(settings.replicationFactor())
                .build();
    }
}
