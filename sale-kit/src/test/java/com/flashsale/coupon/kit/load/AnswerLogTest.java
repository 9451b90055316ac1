package com.flashsale.coupon.kit.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerLogTest {

    @Test
    void countsByOutcomeAndByTheKeyTheSummariesUse() {
        AnswerLog log = new AnswerLog();
        for (int member = 1; member <= 100; member++) {
            log.add(new Answer(member, 0, Outcome.ISSUED, 200, null, null, 0, 0, 1));
        }
        for (int member = 101; member <= 500; member++) {
            log.add(new Answer(member, 0, Outcome.SOLD_OUT, 409, "COUPON-003", null, 0, 0, 1));
        }

        assertThat(log.keyCounts()).isEqualTo(Map.of("200", 100L, "409 COUPON-003", 400L));
        assertThat(log.counts()).containsEntry(Outcome.ISSUED, 100L).containsEntry(Outcome.SOLD_OUT, 400L)
                .containsEntry(Outcome.UNKNOWN, 0L);
        assertThat(log.byMember()).hasSize(500);
    }

    @Test
    void latencyPercentilesIgnoreRequestsThatGotNoAnswerAndCountFromTheDueTime() {
        AnswerLog log = new AnswerLog();
        for (int i = 1; i <= 100; i++) {
            // Due at 0, sent a little later (the generator fell behind): latency counts from 0.
            log.add(new Answer(i, 0, Outcome.ISSUED, 200, null, null, 0, 500_000L, i * 1_000_000L));
        }
        log.add(new Answer(101, 0, Outcome.UNKNOWN, Answer.NO_STATUS, null, "timeout: Read timed out", 0, 0,
                30_000_000_000L));

        assertThat(log.latency()).isEqualTo(new Percentiles(100, 50.0, 99.0, 100.0, 100.0));
    }

    @Test
    void percentilesAreExactOrderStatistics() {
        AnswerLog log = new AnswerLog();
        for (int ms = 1000; ms >= 1; ms--) {
            log.add(new Answer(ms, 0, Outcome.ISSUED, 200, null, null, 0, 0, ms * 1_000_000L));
        }

        assertThat(log.latency()).isEqualTo(new Percentiles(1000, 500.0, 990.0, 999.0, 1000.0));
    }

    @Test
    void knowsWhatWasSentWhen() {
        AnswerLog log = new AnswerLog();
        log.add(new Answer(1, 0, Outcome.UNAVAILABLE, 503, "COMMON-002", null, 10, 10, 20));
        log.add(new Answer(2, 0, Outcome.UNAVAILABLE, 503, "COMMON-002", null, 30, 30, 40));
        log.add(new Answer(3, 0, Outcome.ISSUED, 200, null, null, 30, 30, 45));

        assertThat(log.sentBetween(Outcome.UNAVAILABLE, 20, 35)).isEqualTo(1);
        assertThat(log.lastAnsweredAt(Outcome.ISSUED)).hasValue(45);
        assertThat(Percentiles.of(new long[0])).isEqualTo(Percentiles.NONE);
    }
}
