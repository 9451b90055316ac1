package com.flashsale.coupon.worker.issuance;

import com.flashsale.coupon.worker.persistence.UtcDateTimeText;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A row of {@code coupon_issues}, read only: rows are written by the batch insert (plain JDBC, see CouponIssueRows). */
@Entity
@Table(name = "coupon_issues")
@Immutable
class IssuedCoupon {

    @Id
    private Long id;

    private long couponId;

    private long memberId;

    private String eventId;

    @Convert(converter = UtcDateTimeText.class)
    private Instant acceptedAt;

    @Convert(converter = UtcDateTimeText.class)
    private Instant createdAt;

    protected IssuedCoupon() {
        // for JPA
    }

    Holder holder() {
        return new Holder(memberId, acceptedAt, createdAt, eventId);
    }
}
