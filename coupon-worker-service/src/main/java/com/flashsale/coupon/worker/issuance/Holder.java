package com.flashsale.coupon.worker.issuance;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A member holding a coupon of the campaign, as MySQL has it. */
public record Holder(
        @Schema(example = "42") long memberId,
        @Schema(description = "when the Redis ledger accepted the issuance") Instant acceptedAt,
        @Schema(description = "when the row was written") Instant persistedAt,
        @Schema(example = "SPRING25:1764500000000-0") String eventId) {
}
