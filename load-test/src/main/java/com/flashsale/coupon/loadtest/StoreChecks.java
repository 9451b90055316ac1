package com.flashsale.coupon.loadtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The seed's verification of a flash sale, read from the stores after settling. */
final class StoreChecks {

    private StoreChecks() {
    }

    /** {@code members} distinct members asked once each; the coupon's quantity comes from MySQL. */
    static List<Check> of(Settling.Settled settled, String couponCode, long members) {
        StoreSnapshot s = settled.snapshot();
        long winners = Math.min(s.quantity(), members);
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("settled (outbox drained, every accepted member a row)",
                "within " + settled.timeout().toSeconds() + " s",
                settled.settled() ? "after " + seconds(settled.waited()) : "not after " + seconds(settled.waited()),
                settled.settled()));
        checks.add(Check.equal("Redis stock {coupon:" + couponCode + "}:stock", s.quantity() - winners, s.redisStock()));
        checks.add(Check.equal("Redis issued members", winners, s.redisIssued()));
        checks.add(Check.equal("Redis outbox backlog", 0, s.outboxBacklog()));
        checks.add(Check.equal("MySQL coupon_issues rows (coupon id " + s.couponId() + ")", winners, s.rows()));
        checks.add(Check.equal("MySQL distinct members in coupon_issues", winners, s.distinctMembers()));
        checks.add(Check.equal("MySQL failed_coupon_issues rows", 0, s.failedRows()));
        return checks;
    }

    /** I3, no phantom success: every member who was answered 200 holds a row. */
    static Check everyWinnerPersisted(List<Answer> answers, Set<Long> persistedMembers) {
        long winners = answers.stream().filter(Answer::issued).count();
        long persisted = answers.stream().filter(Answer::issued).filter(a -> persistedMembers.contains(a.memberId())).count();
        return Check.equal("members answered 200 that hold a row", winners, persisted);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
