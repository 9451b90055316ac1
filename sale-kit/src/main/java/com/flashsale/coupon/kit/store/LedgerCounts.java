package com.flashsale.coupon.kit.store;

/**
 * One coupon's Redis ledger alone, readable while MySQL is down or locked (a drill's fault): what
 * {@link StoreCounts} holds of Redis. {@code quantity} and {@code stock} are -1 when their key is missing.
 *
 * @param issued members in the ledger's issued set
 * @param outboxBacklog entries in the ledger's outbox stream: accepted, not yet acknowledged by Kafka
 */
public record LedgerCounts(long quantity, long stock, long issued, long outboxBacklog) {
}
