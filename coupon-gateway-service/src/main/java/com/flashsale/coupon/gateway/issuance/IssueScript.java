package com.flashsale.coupon.gateway.issuance;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.gateway.redis.LuaScript;
import com.flashsale.coupon.gateway.redis.RedisConnections;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The one atomic script that decides an issuance ({@code scripts/issue.lua}): it checks the
 * campaign, refuses a duplicate or a sold-out coupon, takes one from the stock, records the member
 * and writes the outbox entry the relay carries to Kafka.
 *
 * <p>An issuance is answered only once it is as safe as {@code coupon.redis.acknowledge} asks: under
 * {@code replica}, once a replica holds it too. "Already issued" is a promise as well (the member
 * may be retrying after a 503 whose decision a replica did not yet hold), so it waits the same way;
 * the other refusals promise nothing and are answered at once.
 */
@Component
record IssueScript(RedisConnections redis, Clock clock) {

    private static final LuaScript ISSUE = LuaScript.fromClasspath("scripts/issue.lua");

    IssueOutcome issue(String couponCode, long memberId) {
        LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
        Long result = ISSUE.decide(redis, ScriptOutputType.INTEGER,
                new String[] {keys.campaign(), keys.stock(), keys.issued(), keys.outbox()},
                Long.toString(memberId), Long.toString(clock.millis()));
        IssueOutcome outcome = IssueOutcome.fromScript(result);
        if (outcome == IssueOutcome.ISSUED || outcome == IssueOutcome.ALREADY_ISSUED) {
            redis.confirmReplicated(keys.campaign());
        }
        return outcome;
    }
}
