package com.flashsale.coupon.gateway.issuance;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.gateway.redis.RedisConnections;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Reads whether a member holds a coupon from the ledger's issued set, scored by acceptance time. */
@Component
record IssuedLedger(RedisConnections redis) {

    Holding holding(String couponCode, long memberId) {
        LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
        Double acceptedAt = redis.decide(keys.issued(), commands -> commands.zscore(keys.issued(), Long.toString(memberId)));
        if (acceptedAt != null) {
            return new Holding.Issued(Instant.ofEpochMilli(acceptedAt.longValue()));
        }
        // Not held: one more round trip tells "not yet" from "no such coupon".
        Long campaigns = redis.decide(keys.campaign(), commands -> commands.exists(keys.campaign()));
        return campaigns != null && campaigns > 0 ? new Holding.NotIssued() : new Holding.UnknownCoupon();
    }

    sealed interface Holding {
        record Issued(Instant at) implements Holding {
        }

        record NotIssued() implements Holding {
        }

        record UnknownCoupon() implements Holding {
        }
    }
}
