package com.flashsale.coupon.lab.bench;

import com.flashsale.coupon.lab.baseline.LabResult;
import java.util.Locale;

/** A lab baseline as a row of the results table, with I1-I4 judged from its answers and its store. */
final class LabRows {

    private LabRows() {
    }

    /** How the bench finds a lab row: the load's name, then the baseline's. */
    static String key(String loadName, String baselineName) {
        return "lab:" + loadName + ":" + baselineName;
    }

    static String key(LabResult r) {
        return key(r.load().name(), r.name());
    }

    static ResultRow of(LabResult r) {
        boolean complete = r.finished() == r.attempts();
        Invariants invariants = new Invariants(
                Invariants.check(r.oversell() == 0 && r.store().stockLeft() >= 0,
                        r.oversell() + " issued beyond the stock, store stock " + r.store().stockLeft()),
                Invariants.check(r.duplicates() == 0, r.duplicates() + " members were answered 'issued' twice"),
                Invariants.check(r.storeAgrees(), "answers say " + r.issued() + " issued to " + r.holders()
                        + " members, the store holds " + r.store().records() + " records of " + r.store().holders()
                        + " members with stock " + r.store().stockLeft()),
                complete ? Invariants.check(r.unsold() == 0, r.unsold() + " coupons unsold although "
                        + r.members() + " members asked") : "n/a");
        String note = String.format(Locale.ROOT, "%d of %d attempts in %.1f s; %d refused as duplicates, %d sold out, %d gave up",
                r.finished(), r.attempts(), r.seconds(), r.duplicateRefusals(), r.soldOut(), r.failed());
        if (!complete) {
            note += "; stopped at the time limit, so I4 cannot be judged";
        }
        String load = r.members() + " members x " + r.load().attemptsPerMember() + ", stock " + r.stock()
                + ", in-process";
        return new ResultRow("lab", "lab, " + r.load().name() + ": " + r.name(), load, r.throughput(), "req/s",
                r.latency().p50(), r.latency().p99(), r.issued(), r.oversell(), r.duplicates(), invariants, note);
    }
}
