package com.flashsale.coupon.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    @Test
    void hundredIssuedAndFourHundredSoldOutIsRight() {
        Outcomes outcomes = Outcomes.of(answers(100, 400, 0));

        assertThat(outcomes.counts()).isEqualTo(Map.of("200", 100L, "409 COUPON-003", 400L));
        assertThat(outcomes.checks(100, 500)).allMatch(Check::ok);
    }

    @Test
    void oneCouponTooManyIsWrong() {
        assertThat(Outcomes.of(answers(101, 399, 0)).checks(100, 500)).anyMatch(c -> !c.ok());
    }

    @Test
    void aRefusalForAnyOtherReasonIsWrongEvenWhenTheTotalsAddUp() {
        List<Answer> answers = answers(100, 399, 0);
        answers.add(new Answer(500, 409, "COUPON-002", 1_000_000));

        List<Check> checks = Outcomes.of(answers).checks(100, 500);

        assertThat(checks).filteredOn(c -> !c.ok()).extracting(Check::what)
                .containsExactly("409 COUPON-003 sold out", "409 COUPON-002 (wrong reason)");
    }

    @Test
    void missingAnswersAreWrong() {
        List<Check> checks = Outcomes.of(answers(100, 390, 10)).checks(100, 500);

        assertThat(checks).filteredOn(c -> !c.ok()).extracting(Check::what)
                .contains("409 COUPON-003 sold out", "no answer (ConnectException) (wrong reason)");
    }

    @Test
    void fewerMembersThanCouponsAreAllIssued() {
        assertThat(Outcomes.of(answers(50, 0, 0)).checks(100, 50)).allMatch(Check::ok);
    }

    @Test
    void latencyPercentilesIgnoreRequestsThatGotNoAnswer() {
        List<Answer> answers = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            answers.add(new Answer(i, 200, null, i * 1_000_000L));
        }
        answers.add(new Answer(101, Answer.NO_ANSWER, "HttpTimeoutException", 30_000_000_000L));

        Latency latency = Latency.of(answers);

        assertThat(latency.p50()).isEqualTo(50.0);
        assertThat(latency.p99()).isEqualTo(99.0);
        assertThat(latency.max()).isEqualTo(100.0);
    }

    private static List<Answer> answers(int issued, int soldOut, int unanswered) {
        List<Answer> answers = new ArrayList<>();
        long member = 1;
        for (int i = 0; i < issued; i++) {
            answers.add(new Answer(member++, 200, null, 1_000_000));
        }
        for (int i = 0; i < soldOut; i++) {
            answers.add(new Answer(member++, 409, "COUPON-003", 1_000_000));
        }
        for (int i = 0; i < unanswered; i++) {
            answers.add(new Answer(member++, Answer.NO_ANSWER, "ConnectException", 1_000_000));
        }
        return answers;
    }
}
