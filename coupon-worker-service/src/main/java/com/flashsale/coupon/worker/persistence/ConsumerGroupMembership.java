package com.flashsale.coupon.worker.persistence;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Whether the issued-events consumers of this worker have joined their consumer group. Until Kafka
 * assigns partitions nothing is consumed (a second after start-up, or until the session of a killed
 * replica expires), so readiness waits for it. Joining is what counts, not holding partitions: with
 * more consumers than partitions some replicas rightly hold none. Boot has no health indicator for
 * this (nor for Kafka at all): the container's rebalance callbacks are what tells.
 *
 * <p>The rebalance listener is handed to the issued-events container only ({@link
 * IssuedEventsContainerConfig}); this class is not a listener bean itself, which Boot would give to
 * every container it configures, the dead-letter one included.
 */
@Component("consumerGroupHealthIndicator")
class ConsumerGroupMembership extends AbstractHealthIndicator {

    private final Set<TopicPartition> held = ConcurrentHashMap.newKeySet();
    private volatile boolean joined;
    private final ConsumerAwareRebalanceListener rebalanceListener = new ConsumerAwareRebalanceListener() {

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            held.addAll(partitions);
            joined = true;
        }

        @Override
        public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            held.removeAll(partitions);
        }

        @Override
        public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            held.removeAll(partitions);
        }
    };

    ConsumerGroupMembership() {
        super("Consumer group check failed");
    }

    ConsumerAwareRebalanceListener rebalanceListener() {
        return rebalanceListener;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (joined) {
            builder.up().withDetail("partitions", held.size());
        } else {
            builder.outOfService().withDetail("waiting", "for Kafka to assign the issued-events partitions");
        }
    }
}
