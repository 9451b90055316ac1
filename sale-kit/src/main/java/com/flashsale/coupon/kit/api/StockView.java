package com.flashsale.coupon.kit.api;

/** The gateway's operator view of one coupon's ledger. {@code outboxBacklog}: accepted, not yet in Kafka. */
public record StockView(String couponCode, long quantity, long stock, long issued, long outboxBacklog) {
}
