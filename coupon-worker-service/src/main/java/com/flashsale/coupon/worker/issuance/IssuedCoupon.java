package com.flashsale.coupon.worker.issuance;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A row of {@code coupon_issues}, read only: rows are written by the batch insert (plain JDBC, see CouponIssueRows). */
@Entity
@Table(name = "coupon_issues")
@Immutable
class IssuedCoupon extends IssuanceRow {

    protected IssuedCoupon() {
        // for JPA
    }

    Holder holder() {
        return new Holder(memberId(), acceptedAt(), createdAt(), eventId());
    }
}
