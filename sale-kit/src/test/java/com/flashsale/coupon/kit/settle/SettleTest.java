package com.flashsale.coupon.kit.settle;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.kit.store.StoreCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SettleTest {

    private static final StoreCounts IN_FLIGHT = new StoreCounts(2, 100, 100, 0, 100, 12, 88, 0);
    private static final StoreCounts PERSISTED = new StoreCounts(2, 100, 100, 0, 100, 0, 100, 0);

    @Test
    void settlesOnceTheOutboxIsEmptyAndNothingChangedForTheQuietPeriod() {
        AtomicInteger reads = new AtomicInteger();
        List<Progress> seen = new ArrayList<>();

        Settled settled = Settle.of(() -> reads.incrementAndGet() < 3 ? IN_FLIGHT : PERSISTED)
                .quietFor(Duration.ofMillis(200)).pollEvery(Duration.ofMillis(10)).atMost(Duration.ofSeconds(30))
                .reporting(Duration.ofMillis(50), seen::add).await();

        assertThat(settled.settled()).isTrue();
        assertThat(settled.counts()).isEqualTo(PERSISTED);
        assertThat(settled.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofSeconds(10));
        assertThat(seen).isNotEmpty().last().satisfies(p -> assertThat(p.counts()).isEqualTo(PERSISTED));
        assertThat(seen.getLast().line()).contains("outbox 0", "MySQL rows 100");
    }

    @Test
    void aChangeStartsTheQuietPeriodAgain() {
        AtomicInteger reads = new AtomicInteger();
        long began = System.nanoTime();

        Settled settled = Settle.of(() -> {
            int read = reads.incrementAndGet();
            // Rows trickle in for the first 20 reads, then stop.
            return new StoreCounts(2, 100, 100, 0, 100, 0, Math.min(read, 20), 0);
        }).quietFor(Duration.ofMillis(300)).pollEvery(Duration.ofMillis(10)).await();

        assertThat(settled.settled()).isTrue();
        assertThat(settled.counts().rows()).isEqualTo(20);
        assertThat(reads.get()).isGreaterThan(20);
        assertThat(settled.lastChangeAt() - began).isGreaterThan(0);
        assertThat(System.nanoTime() - settled.lastChangeAt()).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
    }

    @Test
    void givesUpAtTheDeadlineAndReportsWhatItLastSaw() {
        Settled settled = Settle.of(() -> IN_FLIGHT).quietFor(Duration.ofMillis(50)).atMost(Duration.ofMillis(600))
                .pollEvery(Duration.ofMillis(20)).await();

        assertThat(settled.settled()).isFalse();
        assertThat(settled.counts()).isEqualTo(IN_FLIGHT);
        assertThat(settled.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(600)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void waitsForPendingWorkElsewhere() {
        AtomicInteger unprocessed = new AtomicInteger(5);

        Settled settled = Settle.of(() -> PERSISTED).alsoWaitFor(() -> Math.max(0, unprocessed.getAndDecrement()))
                .quietFor(Duration.ofMillis(100)).pollEvery(Duration.ofMillis(10)).await();

        assertThat(settled.settled()).isTrue();
        assertThat(settled.pending()).isZero();
        assertThat(unprocessed.get()).isNegative();
    }

    @Test
    void aStoreThatCannotBeReadIsNotQuietYet() {
        AtomicInteger reads = new AtomicInteger();

        Settled settled = Settle.of(() -> {
            if (reads.incrementAndGet() < 5) {
                throw new IllegalStateException("MySQL is restarting");
            }
            return PERSISTED;
        }).quietFor(Duration.ofMillis(100)).pollEvery(Duration.ofMillis(10)).await();

        assertThat(settled.settled()).isTrue();
        assertThat(settled.failure()).isNull();

        Settled never = Settle.of(() -> {
            throw new IllegalStateException("MySQL is down");
        }).atMost(Duration.ofMillis(200)).pollEvery(Duration.ofMillis(10)).await();
        assertThat(never.settled()).isFalse();
        assertThat(never.counts()).isNull();
        assertThat(never.failure()).contains("MySQL is down");
    }

    /** What failed is told apart: the stores read, the pending work not (-1), so a reader blames the right one. */
    @Test
    void pendingWorkThatCannotBeReadKeepsTheStoresCountsAndIsMinusOne() {
        Settled settled = Settle.of(() -> PERSISTED).alsoWaitFor(() -> {
            throw new IllegalStateException("cannot read Kafka");
        }).atMost(Duration.ofMillis(200)).pollEvery(Duration.ofMillis(10)).await();

        assertThat(settled.settled()).isFalse();
        assertThat(settled.counts()).isEqualTo(PERSISTED);
        assertThat(settled.pending()).isEqualTo(-1);
        assertThat(settled.failure()).contains("cannot read Kafka");
    }
}
