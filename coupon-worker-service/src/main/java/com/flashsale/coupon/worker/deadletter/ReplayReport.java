package com.flashsale.coupon.worker.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Every failed issuance of a campaign that was open when a replay of them all began, each with what its
 * replay did, and how many ended each way: every result is counted under its outcome.
 */
public record ReplayReport(
        @Schema(description = "persisted: the member holds the coupon now (REPLAYED)", example = "2") int persisted,
        @Schema(description = "closed without a coupon: the member holds one anyway (SUPERSEDED)", example = "0")
        int alreadyHeld,
        @Schema(description = "still failed, with the new reason; the next replay tries them again", example = "1")
        int stillFailed,
        @Schema(description = "closed by another replay meanwhile: nothing changed", example = "0") int alreadyResolved,
        List<ReplayResult> results) {

    static ReplayReport of(List<ReplayResult> results) {
        return new ReplayReport(count(results, ReplayOutcome.PERSISTED), count(results, ReplayOutcome.ALREADY_HELD),
                count(results, ReplayOutcome.STILL_FAILED), count(results, ReplayOutcome.ALREADY_RESOLVED), results);
    }

    private static int count(List<ReplayResult> results, ReplayOutcome outcome) {
        return (int) results.stream().filter(result -> result.outcome() == outcome).count();
    }
}
