package com.flashsale.coupon.gateway.issuance;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.gateway.system.LuaScript;
import com.flashsale.coupon.gateway.system.RedisConnections;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * The Redis ledger, as the gateway sees it: member eligibility (provisioned by the worker) and the
 * one atomic script that decides an issuance and writes its outbox entry.
 */
@Component
class IssuanceLedger {

    private static final LuaScript ISSUE = LuaScript.fromClasspath("scripts/issue.lua");

    private final RedisConnections redis;
    private final MemberDirectory members;
    private final Clock clock;

    IssuanceLedger(RedisConnections redis, MemberDirectory members, Clock clock) {
        this.redis = redis;
        this.members = members;
        this.clock = clock;
    }

    /**
     * Status of the member as provisioned, or {@code null} when the member is unknown. Members the
     * mirror knows as active cost no round trip; every other answer comes from Redis itself.
     */
    String memberStatus(long memberId) {
        if (members.knownActive(memberId)) {
            return LedgerKeys.ACTIVE;
        }
        return redis.decide(commands -> commands.hget(LedgerKeys.MEMBERS, Long.toString(memberId)));
    }

    IssueOutcome issue(String couponCode, long memberId) {
        LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
        Long result = ISSUE.decide(redis, ScriptOutputType.INTEGER,
                new String[] {keys.campaign(), keys.stock(), keys.issued(), keys.outbox()},
                Long.toString(memberId), Long.toString(clock.millis()));
        return IssueOutcome.fromScript(result);
    }
}
