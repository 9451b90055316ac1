package com.flashsale.coupon.system.chaos;

import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.events.LedgerKeys;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The test's read of one coupon's Redis ledger (and the few writes the drills damage it with). */
final class LedgerView {

    private final RedisClusterCommands<String, String> redis;
    private final LedgerKeys keys;

    LedgerView(RedisClusterCommands<String, String> redis, String couponCode) {
        this.redis = redis;
        this.keys = LedgerKeys.forCoupon(couponCode);
    }

    long stock() {
        String stock = redis.get(keys.stock());
        return stock == null ? 0 : Long.parseLong(stock);
    }

    long issuedCount() {
        return redis.zcard(keys.issued());
    }

    /** Member id to acceptance time (epoch ms). */
    Map<Long, Long> issued() {
        Map<Long, Long> issued = new HashMap<>();
        for (ScoredValue<String> entry : redis.zrangeWithScores(keys.issued(), 0, -1)) {
            issued.put(Long.parseLong(entry.getValue()), (long) entry.getScore());
        }
        return issued;
    }

    boolean holds(long memberId) {
        return redis.zscore(keys.issued(), Long.toString(memberId)) != null;
    }

    long backlog() {
        return redis.xlen(keys.outbox());
    }

    /** Outbox entries a relay has read and Kafka has not acknowledged yet (0 when the group does not exist). */
    long pendingInRelays() {
        try {
            return redis.xpending(keys.outbox(), LedgerKeys.RELAY_GROUP).getCount();
        } catch (RedisCommandExecutionException e) {
            return 0;
        }
    }

    /** Blocks until {@code fraction} of the stock is sold: faults land mid-sale, never before or after. */
    void awaitSold(double fraction, int quantity, Duration atMost) {
        long target = Math.round(quantity * (1 - fraction));
        await("%.0f%% of the stock sold".formatted(fraction * 100)).atMost(atMost)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> stock() <= target);
    }

    void removeMember(long memberId) {
        redis.zrem(keys.issued(), Long.toString(memberId));
    }

    void shiftStock(long delta) {
        redis.incrby(keys.stock(), delta);
    }

    /** As the worker's single-member change does: the hash and a fresh version, so mirrors re-read it. */
    void addEligibleMember(long memberId) {
        redis.hset(LedgerKeys.MEMBERS, Long.toString(memberId), LedgerKeys.ACTIVE);
        redis.set(LedgerKeys.MEMBERS_VERSION, "drill member " + memberId + " " + UUID.randomUUID());
    }
}
