package com.flashsale.coupon.worker.issuance;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface IssuedCoupons extends JpaRepository<IssuedCoupon, Long> {

    Page<IssuedCoupon> findByCouponId(long couponId, Pageable page);

    long countByCouponId(long couponId);

    Optional<IssuedCoupon> findByCouponIdAndMemberId(long couponId, long memberId);
}
