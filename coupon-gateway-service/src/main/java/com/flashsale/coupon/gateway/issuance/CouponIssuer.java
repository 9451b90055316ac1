package com.flashsale.coupon.gateway.issuance;

import com.flashsale.coupon.events.LedgerKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Decides one issue request: member eligibility first, then the atomic ledger script, unless the
 * campaign is sold out and this gateway holds a copy of it that gives the script's answer without
 * Redis ({@link SoldOutCampaigns}).
 */
@Service
record CouponIssuer(MemberDirectory members, IssueScript script, SoldOutCampaigns soldOut,
        Map<IssueOutcome, Counter> outcomes, Timer latency) {

    @Autowired
    CouponIssuer(MemberDirectory members, IssueScript script, SoldOutCampaigns soldOut, MeterRegistry meters) {
        this(members, script, soldOut, outcomeCounters(meters), latencyTimer(meters));
    }

    private static Map<IssueOutcome, Counter> outcomeCounters(MeterRegistry meters) {
        Map<IssueOutcome, Counter> outcomes = new EnumMap<>(IssueOutcome.class);
        for (IssueOutcome outcome : IssueOutcome.values()) {
            outcomes.put(outcome, Counter.builder("coupon.issue.requests")
                    .description("Issue requests by outcome")
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(meters));
        }
        return outcomes;
    }

    /**
     * Histogram buckets, so any percentile can be computed in PromQL across replicas; the range starts
     * below a millisecond because a healthy decision is a Redis round trip or two.
     */
    private static Timer latencyTimer(MeterRegistry meters) {
        return Timer.builder("coupon.issue.latency")
                .description("Time to decide an issue request (member check and ledger script), failures included")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(meters);
    }

    IssueOutcome issue(String couponCode, long memberId) {
        IssueOutcome outcome = latency.record(() -> decide(couponCode, memberId));
        outcomes.get(outcome).increment();
        return outcome;
    }

    private IssueOutcome decide(String couponCode, long memberId) {
        String memberStatus = members.status(memberId);
        if (memberStatus == null) {
            return IssueOutcome.MEMBER_NOT_FOUND;
        }
        if (!LedgerKeys.ACTIVE.equals(memberStatus)) {
            return IssueOutcome.MEMBER_NOT_ACTIVE;
        }
        IssueOutcome known = soldOut.answer(couponCode, memberId);
        if (known != null) {
            return known;
        }
        IssueOutcome outcome = script.issue(couponCode, memberId);
        if (outcome == IssueOutcome.SOLD_OUT) {
            soldOut.soldOut(couponCode);
        }
        return outcome;
    }
}
