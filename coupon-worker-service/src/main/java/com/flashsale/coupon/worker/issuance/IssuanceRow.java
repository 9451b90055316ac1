package com.flashsale.coupon.worker.issuance;

import com.flashsale.coupon.worker.persistence.UtcDateTimeText;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What {@code coupon_issues} and {@code failed_coupon_issues} both hold of an accepted issuance: the
 * event's id, coupon, member and acceptance time as the ledger decided them, and when the row was written.
 */
@MappedSuperclass
abstract class IssuanceRow {

    @Id
    private Long id;

    private long couponId;

    private long memberId;

    private String eventId;

    @Convert(converter = UtcDateTimeText.class)
    private Instant acceptedAt;

    @Convert(converter = UtcDateTimeText.class)
    private Instant createdAt;

    public long id() {
        return id;
    }

    public long couponId() {
        return couponId;
    }

    public long memberId() {
        return memberId;
    }

    String eventId() {
        return eventId;
    }

    Instant acceptedAt() {
        return acceptedAt;
    }

    Instant createdAt() {
        return createdAt;
    }
}
