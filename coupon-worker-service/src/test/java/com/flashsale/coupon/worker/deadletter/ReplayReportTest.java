package com.flashsale.coupon.worker.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.worker.issuance.FailureStatus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayReportTest {

    /** One result of each outcome the replay knows: each is counted once, and the counts add up to the results. */
    @Test
    void countsEveryOutcomeItsResultsHold() {
        List<ReplayResult> results = Arrays.stream(ReplayOutcome.values())
                .map(outcome -> new ReplayResult(outcome.ordinal() + 1, 900_001, outcome, FailureStatus.COMPENSATED, "why"))
                .toList();

        ReplayReport report = ReplayReport.of(results);

        assertThat(report.persisted()).isEqualTo(1);
        assertThat(report.alreadyHeld()).isEqualTo(1);
        assertThat(report.stillFailed()).isEqualTo(1);
        assertThat(report.alreadyResolved()).isEqualTo(1);
        assertThat(report.persisted() + report.alreadyHeld() + report.stillFailed() + report.alreadyResolved())
                .isEqualTo(results.size());
        assertThat(report.results()).isEqualTo(results);
    }
}
