package com.flashsale.coupon.worker.campaign;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Campaigns extends JpaRepository<Campaign, Long> {

    Optional<Campaign> findByCode(String code);

    boolean existsByCode(String code);

    Page<Campaign> findByStatus(CampaignStatus status, Pageable page);

    /** Rows persisted for the campaign; the quantity never goes below them. */
    @Query(value = "SELECT COUNT(*) FROM coupon_issues WHERE coupon_id = :couponId", nativeQuery = true)
    long countIssued(long couponId);
}
