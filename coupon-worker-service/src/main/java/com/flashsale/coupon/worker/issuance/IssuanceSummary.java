package com.flashsale.coupon.worker.issuance;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where one campaign's issuances stand, in the Redis ledger and in MySQL. Once the sale has settled and
 * been reconciled, {@code stock + acceptedInLedger == quantity} and {@code acceptedInLedger == persisted}.
 */
public record IssuanceSummary(
        @Schema(example = "SPRING25") String couponCode,
        @Schema(description = "MySQL", example = "500") int quantity,
        @Schema(description = "coupons left in the ledger", example = "12") long stock,
        @Schema(description = "members the ledger says hold a coupon", example = "488") long acceptedInLedger,
        @Schema(description = "accepted issuances the gateway has not yet handed to Kafka", example = "0") long outboxBacklog,
        @Schema(description = "coupon_issues rows", example = "487") long persisted,
        @Schema(description = "failed issuances still open (compensated or no longer in the ledger)", example = "1")
        long failed,
        @Schema(description = "of those, the ones whose coupon went back to stock", example = "1") long compensated,
        @Schema(description = "failed issuances a replay persisted", example = "0") long replayed,
        @Schema(description = "failed issuances closed because the member holds a coupon anyway", example = "0")
        long superseded) {
}
