package com.flashsale.coupon.lab.bench;

import com.flashsale.coupon.lab.baseline.LabLoad;
import com.flashsale.coupon.lab.baseline.PessimisticLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The targets, as ratios between rows of the same run. */
final class Targets {

    static final String CEILING = "ceiling";
    static final String FLOOR = "floor";
    static final String CONTENDED = "contended";
    static final String FIXED_RATE = "fixed-rate";
    static final String DRAIN = "drain";
    static final String SETTLE = "settle";

    private Targets() {
    }

    /**
     * @param rows the run's rows by key: the system's rows by the names above, the lab's by
     *     {@link LabRows#key(String, String)}
     */
    static List<Target> of(Map<String, ResultRow> rows) {
        List<Target> targets = new ArrayList<>();
        ResultRow contended = rows.get(CONTENDED);
        ResultRow pessimistic = pessimisticWithStockLeft(rows);
        if (contended != null && rows.containsKey(FLOOR)) {
            targets.add(Target.atLeast("issue throughput / constant-JSON endpoint",
                    contended.throughput() / rows.get(FLOOR).throughput(), 0.8, "x"));
        }
        if (contended != null && rows.containsKey(CEILING)) {
            targets.add(Target.atLeast("issue throughput / redis-benchmark (issue script)",
                    contended.throughput() / rows.get(CEILING).throughput(), 0.3, "x"));
        }
        if (contended != null && pessimistic != null) {
            targets.add(Target.atLeast("issue throughput / pessimistic-lock baseline (stock left)",
                    contended.throughput() / pessimistic.throughput(), 20, "x"));
        }
        if (rows.containsKey(FIXED_RATE)) {
            targets.add(Target.atMost("p99 at half the maximum rate", rows.get(FIXED_RATE).p99(), 10, " ms"));
        }
        if (rows.containsKey(DRAIN)) {
            targets.add(Target.atLeast("worker persistence", rows.get(DRAIN).throughput(), 20_000, " rows/s"));
        }
        if (rows.containsKey(SETTLE)) {
            targets.add(Target.atMost("settle time, " + rows.get(SETTLE).load(), rows.get(SETTLE).throughput(), 2, " s"));
        }
        return targets;
    }

    /**
     * The pessimistic lock on the lab's "stock left" load: like the contended row, every attempt is
     * a new member while stock remains, so both figures are of requests that issue. (On the
     * double-click load three attempts in four are refusals, which roll back without a commit.)
     */
    private static ResultRow pessimisticWithStockLeft(Map<String, ResultRow> rows) {
        return rows.get(LabRows.key(LabLoad.STOCK_LEFT, PessimisticLock.NAME));
    }
}
