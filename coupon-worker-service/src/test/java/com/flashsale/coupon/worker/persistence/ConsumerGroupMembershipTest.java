package com.flashsale.coupon.worker.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ConsumerGroupMembershipTest {

    private static final TopicPartition P0 = new TopicPartition("coupon-issued", 0);
    private static final TopicPartition P1 = new TopicPartition("coupon-issued", 1);

    private final ConsumerGroupMembership membership = new ConsumerGroupMembership();

    @Test
    void isOutOfServiceUntilTheFirstAssignment() {
        assertThat(membership.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void isUpOnceJoinedEvenWithoutPartitions() {
        membership.rebalanceListener().onPartitionsAssigned(null, List.of());

        Health health = membership.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("partitions", 0);
    }

    @Test
    void countsThePartitionsItHoldsAcrossRebalances() {
        membership.rebalanceListener().onPartitionsAssigned(null, List.of(P0, P1));
        membership.rebalanceListener().onPartitionsRevokedAfterCommit(null, List.of(P0));
        assertThat(membership.health().getDetails()).containsEntry("partitions", 1);

        membership.rebalanceListener().onPartitionsLost(null, List.of(P1));
        Health health = membership.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("partitions", 0);
    }
}
