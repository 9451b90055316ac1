package com.flashsale.coupon.worker.campaign;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One change of a campaign: who, what, before and after (JSON, as written), when. */
public record AuditEntryView(
        long id,
        @Schema(description = "the token's subject; 'local' when no one is signed in (local profile)", example = "alice")
        String operator,
        AuditAction action,
        @Schema(types = { "string", "null" }, description = "JSON; null for a creation, which has no state before it",
                example = "{\"couponCode\":\"SPRING25\",\"quantity\":500,\"status\":\"ACTIVE\",\"version\":0}") String before,
        @Schema(description = "JSON", example = "{\"couponCode\":\"SPRING25\",\"quantity\":500,\"status\":\"PAUSED\",\"version\":1}")
        String after,
        Instant changedAt) {
}
