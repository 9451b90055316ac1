package com.flashsale.coupon.worker.issuance;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FailedIssuances extends JpaRepository<FailedIssuance, Long> {

    Page<FailedIssuance> findByCouponId(long couponId, Pageable page);

    Page<FailedIssuance> findByCouponIdAndStatus(long couponId, FailureStatus status, Pageable page);

    /**
     * Holds the row until the transaction ends: two replays of one failed issuance take turns. Native,
     * because Hibernate's MySQL dialect locks with FOR UPDATE OF, which MariaDB does not know.
     */
    @Query(value = "SELECT * FROM failed_coupon_issues WHERE id = :id FOR UPDATE", nativeQuery = true)
    Optional<FailedIssuance> lockById(long id);

    @Query("SELECT f.id FROM FailedIssuance f WHERE f.couponId = :couponId AND f.status IN :statuses ORDER BY f.id")
    List<Long> idsOf(long couponId, Collection<FailureStatus> statuses);

    @Query("SELECT f.status AS status, COUNT(f) AS count FROM FailedIssuance f WHERE f.couponId = :couponId GROUP BY f.status")
    List<StatusCount> countByStatus(long couponId);

    interface StatusCount {
        FailureStatus getStatus();

        long getCount();
    }
}
