package com.flashsale.coupon.worker.deadletter;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.worker.ledger.LedgerScript;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/** The replay's step in the Redis ledger: gives one acceptance back to its member if the ledger allows it. */
@Component
record LedgerReplay(StringRedisTemplate redis) {

    private static final RedisScript<Long> REPLAY = LedgerScript.bumpingVersion("deadletter/replay-issuance.lua", Long.class);

    Decision decide(CouponIssued acceptance) {
        LedgerKeys keys = LedgerKeys.forCoupon(acceptance.couponCode());
        Long answer = redis.execute(REPLAY, List.of(keys.campaign(), keys.stock(), keys.issued(), keys.version()),
                Long.toString(acceptance.memberId()), Long.toString(acceptance.acceptedAt().toEpochMilli()));
        return switch (answer == null ? -1 : answer.intValue()) {
            case 1 -> Decision.RESERVED;
            case 0 -> Decision.ALREADY_THIS_ACCEPTANCE;
            case -2 -> Decision.CAMPAIGN_NOT_ACTIVE;
            case -3 -> Decision.HOLDS_ANOTHER;
            case -4 -> Decision.SOLD_OUT;
            default -> Decision.NOT_PROVISIONED;
        };
    }

    enum Decision {
        RESERVED, ALREADY_THIS_ACCEPTANCE, NOT_PROVISIONED, CAMPAIGN_NOT_ACTIVE, HOLDS_ANOTHER, SOLD_OUT;

        boolean holds() {
            return this == RESERVED || this == ALREADY_THIS_ACCEPTANCE;
        }
    }
}
