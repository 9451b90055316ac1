package com.flashsale.coupon.worker.campaign;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A campaign as operators read it. {@code version} goes up with every change: send it back in
 * {@code If-Match} so a change made on a stale read is refused instead of overwriting another one.
 */
public record CampaignView(
        @Schema(description = "MySQL id; events and failed issuances name the campaign by it", example = "4") long id,
        @Schema(example = "SPRING25") String code,
        @Schema(example = "Spring sale, first 500") String name,
        @Schema(example = "500") int quantity,
        CampaignStatus status,
        @Schema(example = "2026-12-01T09:00:00Z") Instant startsAt,
        @Schema(description = "absent: the campaign has no end", example = "2026-12-02T09:00:00Z") Instant endsAt,
        @Schema(description = "also the ETag, quoted", example = "3") long version) {
}
