package com.flashsale.coupon.kit.store;

/**
 * One coupon as both stores count it at one moment: what a settle watches and the report shows.
 * {@code ledgerQuantity} and {@code stock} are -1 when their Redis key is missing (the ledger was
 * never provisioned, or was lost).
 *
 * @param quantity the coupon's quantity in MySQL, the source of truth
 * @param redisIssued members in the ledger's issued set
 * @param outboxBacklog entries in the ledger's outbox stream: accepted, not yet acknowledged by Kafka
 * @param rows the coupon's {@code coupon_issues} rows
 * @param failedRows the coupon's {@code failed_coupon_issues} rows
 */
public record StoreCounts(long couponId, long quantity, long ledgerQuantity, long stock, long redisIssued,
        long outboxBacklog, long rows, long failedRows) {
}
