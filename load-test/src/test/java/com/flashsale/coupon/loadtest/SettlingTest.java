package com.flashsale.coupon.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SettlingTest {

    private static final StoreSnapshot IN_FLIGHT = new StoreSnapshot(2, 100, 0, 100, 12, 88, 88, 0);
    private static final StoreSnapshot SETTLED = new StoreSnapshot(2, 100, 0, 100, 0, 100, 100, 0);

    @Test
    void returnsAsSoonAsNothingIsInFlight() throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();

        Settling.Settled settled = Settling.await(() -> reads.incrementAndGet() < 3 ? IN_FLIGHT : SETTLED,
                Duration.ofSeconds(30));

        assertThat(settled.settled()).isTrue();
        assertThat(settled.snapshot()).isEqualTo(SETTLED);
        assertThat(reads).hasValue(3);
        assertThat(settled.waited()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void givesUpAtTheDeadlineAndReportsWhatItLastSaw() throws InterruptedException {
        Settling.Settled settled = Settling.await(() -> IN_FLIGHT, Duration.ofMillis(600));

        assertThat(settled.settled()).isFalse();
        assertThat(settled.snapshot()).isEqualTo(IN_FLIGHT);
        assertThat(settled.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(600)).isLessThan(Duration.ofSeconds(5));
        List<Check> checks = StoreChecks.of(settled, "FLASH100", 500);
        assertThat(checks).filteredOn(c -> !c.ok()).extracting(Check::what).contains(
                "settled (outbox drained, every accepted member a row)", "Redis outbox backlog",
                "MySQL coupon_issues rows (coupon id 2)");
    }

    @Test
    void aSettledSaleOfHundredPassesEveryStoreCheck() {
        Settling.Settled settled = new Settling.Settled(SETTLED, true, Duration.ofMillis(300), Duration.ofSeconds(60));

        assertThat(StoreChecks.of(settled, "FLASH100", 500)).allMatch(Check::ok);
    }

    @Test
    void everyMemberAnsweredTwoHundredMustHoldARow() {
        List<Answer> answers = List.of(new Answer(1, 200, null, 1), new Answer(2, 200, null, 1),
                new Answer(3, 409, "COUPON-003", 1));

        assertThat(StoreChecks.everyWinnerPersisted(answers, Set.of(1L, 2L)).ok()).isTrue();
        assertThat(StoreChecks.everyWinnerPersisted(answers, Set.of(1L, 3L)).ok()).isFalse();
    }
}
