package com.flashsale.coupon.worker.issuance;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A failed issuance with its reason, and what replaying it did so far. */
public record FailedIssuanceView(
        @Schema(description = "the id to replay it by", example = "17") long id,
        @Schema(example = "900001") long memberId,
        @Schema(example = "SPRING25:1764500000000-0") String eventId,
        @Schema(description = "when the ledger accepted it; absent on rows older than that column") Instant acceptedAt,
        @Schema(description = "when it was given up on") Instant failedAt,
        FailureStatus status,
        @Schema(example = "persisting failed permanently: SQLIntegrityConstraintViolationException: ... fk_coupon_issues_member ...")
        String reason,
        @Schema(example = "0") int replayAttempts,
        Instant replayedAt,
        @Schema(example = "alice") String replayedBy) {
}
