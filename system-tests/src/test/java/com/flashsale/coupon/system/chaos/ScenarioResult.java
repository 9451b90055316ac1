package com.flashsale.coupon.system.chaos;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.check.Verdicts;
import java.time.Duration;
import java.util.Map;

/**
 * One drill's line in the report.
 *
 * @param compensations the worker's {@code coupon_compensations_total} (NaN when the worker does not report it)
 * @param repairs what the drill's reconciliation runs repaired, every kind together
 * @param note what the fault did, in the drill's own words
 */
record ScenarioResult(String scenario, int quantity, Map<Outcome, Long> answers, long rows, long failedRows,
        double compensations, int repairs, Verdicts verdicts, Duration sale, Duration settle, String note) {

    long requests() {
        return answers.values().stream().mapToLong(Long::longValue).sum();
    }

    long answered(Outcome outcome) {
        return answers.getOrDefault(outcome, 0L);
    }
}
