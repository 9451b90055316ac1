package com.flashsale.coupon.cli.bench;

import com.flashsale.coupon.cli.lab.LabResult;
import java.util.Locale;
import java.util.Optional;

/** A lab baseline as a row of the results table, with the kit's verdicts on its answers and its store. */
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
        String note = String.format(Locale.ROOT,
                "%d of %d attempts in %.1f s; %d refused as duplicates, %d sold out, %d gave up; %d coupons unsold",
                r.finished(), r.attempts(), r.seconds(), r.duplicateRefusals(), r.soldOut(), r.failed(),
                Math.max(0, r.stock() - r.state().holders().size()));
        if (!r.complete()) {
            note += "; stopped at the time limit";
        }
        String load = r.members() + " members x " + r.load().attemptsPerMember() + ", stock " + r.stock()
                + ", in-process";
        return new ResultRow("lab", "lab, " + r.load().name() + ": " + r.name(), load, r.throughput(), "req/s",
                r.latency().p50(), r.latency().p99(), r.issued(), r.oversell(), r.duplicates(), r.verdicts(),
                Optional.empty(), note);
    }
}
