package com.flashsale.coupon.gateway.issuance;

import com.flashsale.coupon.events.LedgerKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Decides one issue request: member eligibility first, then the atomic ledger script. */
@Service
class CouponIssuer {

    private final IssuanceLedger ledger;
    private final Map<IssueOutcome, Counter> outcomes = new EnumMap<>(IssueOutcome.class);

    CouponIssuer(IssuanceLedger ledger, MeterRegistry meters) {
        this.ledger = ledger;
        for (IssueOutcome outcome : IssueOutcome.values()) {
            outcomes.put(outcome, Counter.builder("coupon.issue.requests")
                    .description("Issue requests by outcome")
                    .tag("outcome", outcome.name().toLowerCase())
                    .register(meters));
        }
    }

    IssueOutcome issue(String couponCode, long memberId) {
        IssueOutcome outcome = decide(couponCode, memberId);
        outcomes.get(outcome).increment();
        return outcome;
    }

    private IssueOutcome decide(String couponCode, long memberId) {
        String memberStatus = ledger.memberStatus(memberId);
        if (memberStatus == null) {
            return IssueOutcome.MEMBER_NOT_FOUND;
        }
        if (!LedgerKeys.ACTIVE.equals(memberStatus)) {
            return IssueOutcome.MEMBER_NOT_ACTIVE;
        }
        return ledger.issue(couponCode, memberId);
    }
}
