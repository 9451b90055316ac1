package com.flashsale.coupon.events;

/** Kafka topic names. Both services create these at start-up with their configured partition counts. */
public final class Topics {

    public static final String COUPON_ISSUED = "coupon-issued";

    /** Dead letters of {@link #COUPON_ISSUED}; needs at least as many partitions (same partition is kept). */
    public static final String COUPON_ISSUED_DLQ = "coupon-issued.DLQ";

    public static final int DEFAULT_PARTITIONS = 6;

    private Topics() {
    }
}
