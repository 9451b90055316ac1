package com.flashsale.coupon.worker.deadletter;

import java.util.List;

/** Every failed issuance of a campaign that was still open, after a replay of them all. */
public record ReplayReport(int persisted, int alreadyHeld, int stillFailed, List<ReplayResult> results) {

    static ReplayReport of(List<ReplayResult> results) {
        return new ReplayReport(count(results, ReplayOutcome.PERSISTED), count(results, ReplayOutcome.ALREADY_HELD),
                count(results, ReplayOutcome.STILL_FAILED), results);
    }

    private static int count(List<ReplayResult> results, ReplayOutcome outcome) {
        return (int) results.stream().filter(result -> result.outcome() == outcome).count();
    }
}
