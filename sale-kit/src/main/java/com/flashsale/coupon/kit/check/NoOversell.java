package com.flashsale.coupon.kit.check;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.store.StoreCounts;

/** I1: neither store holds more than the quantity, and no more members were told yes than there were coupons. */
final class NoOversell {

    private NoOversell() {
    }

    /** Neither store holds more than the quantity, and no more members were told yes than there were coupons. */
    static Verdict judge(Sale sale) {
        StoreCounts c = sale.counts;
        long toldYes = sale.perMember()
                // A coupon given back by a compensation is sold again: its first owner does not count twice.
                ? sale.byMember.entrySet().stream().filter(m -> Sale.has(m.getValue(), Outcome.ISSUED))
                        .filter(m -> !sale.endedAsExpectedFailure(m.getKey())).count()
                : sale.answers.count(Outcome.ISSUED);
        boolean answersKnown = !sale.answers.none();
        boolean holds = c.redisIssued() <= sale.quantity && (c.stock() >= 0 || c.stock() == -1)
                && c.rows() <= sale.quantity && (!answersKnown || toldYes <= sale.quantity);
        return Verdict.of(holds, "quantity %d: Redis issued %d, stock %s, MySQL rows %d, %s".formatted(sale.quantity,
                c.redisIssued(), Sale.stock(c), c.rows(), answersKnown
                        ? (sale.perMember() ? "members told yes " : "answers 200 ") + toldYes
                        : "answers not known"));
    }
}
