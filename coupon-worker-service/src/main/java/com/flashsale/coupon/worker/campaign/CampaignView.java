package com.flashsale.coupon.worker.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A campaign as operators read it. {@code version} goes up with every change: send it back in
 * {@code If-Match} so a change made on a stale read is refused instead of overwriting another one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignView(
        @Schema(description = "MySQL id; events and failed issuances name the campaign by it", example = "4") long id,
        @Schema(example = "SPRING25") String couponCode,
        @Schema(example = "Spring sale, first 500") String name,
        @Schema(example = "500") int quantity,
        CampaignStatus status,
        @Schema(example = "2026-12-01T09:00:00Z") Instant startsAt,
        @Schema(description = "absent: the campaign has no end", example = "2026-12-02T09:00:00Z") Instant endsAt,
        @Schema(description = "also the ETag, quoted", example = "3") long version,
        @Schema(description = "coupons left in the Redis ledger once the change was provisioned; only in the answer "
                + "to a change", example = "497") Long stock) {

    CampaignView withStock(long ledgerStock) {
        return new CampaignView(id, couponCode, name, quantity, status, startsAt, endsAt, version, ledgerStock);
    }
}
