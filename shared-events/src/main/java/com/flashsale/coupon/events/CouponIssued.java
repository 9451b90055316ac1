package com.flashsale.coupon.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A coupon was granted to a member by the Redis ledger. The worker turns it into a
 * {@code coupon_issues} row; a success answer to the member is the promise that it will.
 */
public record CouponIssued(int schemaVersion, String eventId, long couponId, String couponCode, long memberId,
        Instant acceptedAt) implements CouponEvent {

    /** The version this code writes. Readers accept every version up to this one. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    public CouponIssued {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(couponCode, "couponCode");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1, was " + schemaVersion);
        }
        if (couponId <= 0 || memberId <= 0) {
            throw new IllegalArgumentException("couponId and memberId must be positive");
        }
    }

    public static CouponIssued of(String eventId, long couponId, String couponCode, long memberId, Instant acceptedAt) {
        return new CouponIssued(CURRENT_SCHEMA_VERSION, eventId, couponId, couponCode, memberId, acceptedAt);
    }

    /** Kafka key: one member's events for one coupon always land on the same partition. */
    public String partitionKey() {
        return couponCode + ":" + memberId;
    }
}
