package com.flashsale.coupon.events;

import java.time.Instant;

/** Every event published by the gateway. Sealed so consumers can switch over all kinds exhaustively. */
public sealed interface CouponEvent permits CouponIssued {

    /** Version of the JSON shape this event was written with. */
    int schemaVersion();

    /** Stable identity of the event, the same on every redelivery; used for deduplication. */
    String eventId();

    /** When the gateway accepted the request (the Redis decision), not when it was published. */
    Instant acceptedAt();
}
