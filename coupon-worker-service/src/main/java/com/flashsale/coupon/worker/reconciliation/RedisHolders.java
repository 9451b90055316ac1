package com.flashsale.coupon.worker.reconciliation;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.worker.ledger.LedgerScript;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Reconciliation's Redis side, beside {@link IssuedRows}: who the ledger's issued set says holds a
 * coupon, and the atomic script that restores missing holders and corrects the stock.
 */
@Component
record RedisHolders(StringRedisTemplate redis) {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> REPAIR = LedgerScript.bumpingVersion("reconciliation/repair-ledger.lua", List.class);

    /** Member id to acceptance time, as the issue script recorded them. */
    Map<Long, Instant> holders(String couponCode) {
        Set<TypedTuple<String>> entries = redis.opsForZSet()
                .rangeWithScores(LedgerKeys.forCoupon(couponCode).issued(), 0, -1);
        Map<Long, Instant> holders = new HashMap<>();
        if (entries != null) {
            for (TypedTuple<String> entry : entries) {
                holders.put(Long.parseLong(entry.getValue()), Instant.ofEpochMilli(entry.getScore().longValue()));
            }
        }
        return holders;
    }

    /** Restores the given holders and sets stock to quantity minus issued, in one atomic step. */
    Repair repair(String couponCode, Map<Long, Instant> missingHolders) {
        LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
        List<String> args = new ArrayList<>(missingHolders.size() * 2);
        missingHolders.forEach((member, acceptedAt) -> {
            args.add(Long.toString(acceptedAt.toEpochMilli()));
            args.add(Long.toString(member));
        });
        List<?> result = redis.execute(REPAIR, List.of(keys.campaign(), keys.stock(), keys.issued(), keys.version()),
                args.toArray());
        return new Repair(((Number) result.get(0)).intValue(), ((Number) result.get(1)).longValue(),
                ((Number) result.get(2)).longValue());
    }

    record Repair(int restored, long stockBefore, long stockAfter) {

        boolean stockCorrected() {
            return stockBefore != stockAfter;
        }
    }
}
