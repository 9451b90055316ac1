package com.flashsale.coupon.kit.check;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** I4: when enough eligible members asked, every coupon ends up issued. */
final class NoUndersell {

    private NoUndersell() {
    }

    /**
     * When at least {@code quantity} eligible members got an answer from the ledger, every coupon must
     * end up issued, with one exception: a coupon that came back to stock (a compensation) after the
     * last time a member who ended without a coupon was told "sold out" found nobody asking after it.
     * Any other unsold coupon means some member was told "sold out" while a coupon was still there.
     * With fewer members than coupons it is judged only if such a refusal happened. The comparison
     * uses the refusal's send time and the moment the return was first observed, which leans in the
     * system's favour by one polling interval.
     */
    static Verdict judge(Sale sale) {
        long quantity = sale.quantity;
        long unsold = quantity - sale.state.holders().size();
        if (!sale.perMember()) {
            return fromCounts(sale, unsold);
        }
        Set<Long> asked = sale.facts.answers().perMember().orElseThrow().stream()
                .filter(a -> a.outcome().decided() && sale.eligible(a.memberId()))
                .map(Answer::memberId).collect(Collectors.toSet());
        if (asked.size() >= quantity && unsold <= 0) {
            return Verdict.pass("%d eligible members asked, all %d coupons issued".formatted(asked.size(), quantity));
        }
        OptionalLong lastRefusal = sale.facts.answers().perMember().orElseThrow().stream()
                .filter(a -> a.outcome() == Outcome.SOLD_OUT && sale.eligible(a.memberId())
                        && !sale.state.holders().contains(a.memberId()))
                .mapToLong(Answer::sentAt).max();
        if (lastRefusal.isEmpty()) {
            return asked.size() < quantity
                    ? Verdict.notJudged("only %d eligible members got an answer from the ledger, fewer than the %d coupons"
                            .formatted(asked.size(), quantity))
                    : Verdict.pass("%d unsold, but no eligible member left without a coupon was told sold out"
                            .formatted(unsold));
        }
        long lateReturns = sale.facts.expectations().returns().stream().filter(r -> r > lastRefusal.getAsLong()).count();
        return Verdict.of(unsold <= lateReturns,
                "%d eligible members asked, %d coupons unsold, %d came back to stock after the last sold-out answer"
                        .formatted(asked.size(), unsold, lateReturns));
    }

    private static Verdict fromCounts(Sale sale, long unsold) {
        long asked = sale.answers.distinctMembers();
        long quantity = sale.quantity;
        if (asked < 0) {
            return Verdict.notJudged("how many members asked is not known");
        }
        if (asked >= quantity && unsold <= 0) {
            return Verdict.pass("%d members asked, all %d coupons issued".formatted(asked, quantity));
        }
        if (sale.answers.none()) {
            return asked < quantity
                    ? Verdict.notJudged("%d members asked, fewer than the %d coupons".formatted(asked, quantity))
                    : Verdict.fail("%d members asked, %d of %d coupons issued".formatted(asked, quantity - unsold, quantity));
        }
        long soldOut = sale.answers.count(Outcome.SOLD_OUT);
        if (soldOut == 0) {
            return asked < quantity
                    ? Verdict.notJudged("%d members asked, fewer than the %d coupons, none was told sold out"
                            .formatted(asked, quantity))
                    : Verdict.pass("%d unsold, but no member was told sold out".formatted(unsold));
        }
        return Verdict.fail("%d members asked, %d coupons unsold although %d answers were sold out"
                .formatted(asked, unsold, soldOut));
    }
}
