package com.flashsale.coupon.worker.deadletter;

import com.flashsale.coupon.worker.issuance.FailureStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/** One failed issuance after a replay. */
public record ReplayResult(
        @Schema(example = "17") long failedIssuanceId,
        @Schema(example = "900001") long memberId,
        ReplayOutcome outcome,
        @Schema(description = "the failed issuance's status now") FailureStatus status,
        @Schema(description = "why it stays failed, or was closed; when persisted, why it had failed",
                example = "member 900001 does not exist") String reason) {
}
