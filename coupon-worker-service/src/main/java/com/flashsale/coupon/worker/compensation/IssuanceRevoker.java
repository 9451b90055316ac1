package com.flashsale.coupon.worker.compensation;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.worker.ledger.LedgerScript;
import com.flashsale.coupon.worker.persistence.CouponIssueRows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The last resort for an issuance that can never become a {@code coupon_issues} row: the Redis
 * ledger takes the coupon back (so it can be sold again) and {@code failed_coupon_issues} records
 * why, so the member's success answer ends somewhere with its reason. Both steps are idempotent:
 * the same dead letter processed twice returns the stock once and leaves one failure row, and so
 * does an acceptance that both the dead-letter path and reconciliation give up on.
 */
@Service
public record IssuanceRevoker(StringRedisTemplate redis, JdbcClient jdbc, Counter compensations) {

    private static final Logger log = LoggerFactory.getLogger(IssuanceRevoker.class);
    private static final RedisScript<Long> REVOKE = LedgerScript.bumpingVersion("compensation/revoke-issuance.lua", Long.class);
    private static final int MAX_REASON = 1000;

    @Autowired
    IssuanceRevoker(StringRedisTemplate redis, JdbcClient jdbc, MeterRegistry meters) {
        this(redis, jdbc, Counter.builder("coupon.compensations")
                .description("Issuances taken back from the Redis ledger (stock returned)")
                .register(meters));
    }

    /** Returns true when the ledger still held this acceptance and gave the coupon back. */
    public boolean revoke(CouponIssued event, String reason) {
        LedgerKeys keys = LedgerKeys.forCoupon(event.couponCode());
        Long revoked = redis.execute(REVOKE, List.of(keys.issued(), keys.stock(), keys.version()),
                Long.toString(event.memberId()), Long.toString(event.acceptedAt().toEpochMilli()));
        boolean compensated = revoked != null && revoked == 1;
        // Written after the ledger step: a crash in between replays both, and both are idempotent.
        // One row per acceptance, whichever path (dead letter or reconciliation) gave up on it first.
        jdbc.sql("""
                INSERT INTO failed_coupon_issues (coupon_id, member_id, event_id, accepted_at, reason, status)
                VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id""")
                .params(event.couponId(), event.memberId(), event.eventId(),
                        CouponIssueRows.utcDateTime(event.acceptedAt()), truncate(reason),
                        compensated ? "COMPENSATED" : "NOT_IN_LEDGER")
                .update();
        if (compensated) {
            compensations.increment();
        }
        log.warn("Revoked issuance {} (coupon {}, member {}): {}; stock returned: {}", event.eventId(),
                event.couponCode(), event.memberId(), reason, compensated);
        return compensated;
    }

    private static String truncate(String reason) {
        String text = reason == null ? "unknown" : reason;
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }
}
