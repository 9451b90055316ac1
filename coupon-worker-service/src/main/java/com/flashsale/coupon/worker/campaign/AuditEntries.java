package com.flashsale.coupon.worker.campaign;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEntries extends JpaRepository<AuditEntry, Long> {

    Page<AuditEntry> findByCouponId(long couponId, Pageable page);
}
