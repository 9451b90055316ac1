package com.flashsale.coupon.worker.issuance;

import com.flashsale.coupon.events.LedgerKeys;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/** What operators read about a campaign's issuances: counts on both sides, holders, failures. */
@Service
public record IssuanceQueries(IssuedCoupons issued, FailedIssuances failures, StringRedisTemplate redis) {

    /** The ledger is read first: a coupon accepted meanwhile may show there and not yet in MySQL, never the reverse. */
    public IssuanceSummary summary(long couponId, String couponCode, int quantity) {
        LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
        String stock = redis.opsForValue().get(keys.stock());
        Long accepted = redis.opsForZSet().zCard(keys.issued());
        Long backlog = redis.opsForStream().size(keys.outbox());
        Map<FailureStatus, Long> byStatus = new EnumMap<>(FailureStatus.class);
        for (FailedIssuances.StatusCount count : failures.countByStatus(couponId)) {
            byStatus.put(count.getStatus(), count.getCount());
        }
        long compensated = byStatus.getOrDefault(FailureStatus.COMPENSATED, 0L);
        return new IssuanceSummary(couponCode, quantity, stock == null ? 0 : Long.parseLong(stock),
                accepted == null ? 0 : accepted, backlog == null ? 0 : backlog, issued.countByCouponId(couponId),
                compensated + byStatus.getOrDefault(FailureStatus.NOT_IN_LEDGER, 0L), compensated,
                byStatus.getOrDefault(FailureStatus.REPLAYED, 0L), byStatus.getOrDefault(FailureStatus.SUPERSEDED, 0L));
    }

    /** In the order they were persisted. */
    public Page<Holder> holders(long couponId, int page, int size) {
        return issued.findByCouponId(couponId, PageRequest.of(page, size, Sort.by("id"))).map(IssuedCoupon::holder);
    }

    /** Newest first; {@code status} null lists them all. */
    public Page<FailedIssuanceView> failures(long couponId, FailureStatus status, int page, int size) {
        PageRequest request = PageRequest.of(page, size, Sort.by("id").descending());
        return (status == null ? failures.findByCouponId(couponId, request)
                : failures.findByCouponIdAndStatus(couponId, status, request)).map(FailedIssuance::view);
    }
}
