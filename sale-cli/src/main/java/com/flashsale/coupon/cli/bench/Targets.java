package com.flashsale.coupon.cli.bench;

import com.flashsale.coupon.cli.bench.cpu.Cost;
import com.flashsale.coupon.cli.bench.cpu.Role;
import com.flashsale.coupon.cli.lab.LabLoad;
import com.flashsale.coupon.cli.lab.PessimisticLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The targets, as ratios between rows of the same run: what an answer costs in CPU compared with
 * the constant endpoint's answer (which the neighbours on a shared machine do not move), latency at
 * a rate that leaves the machine room, the worker's rate and the settle time. Throughput ratios are
 * printed beside them for reference only: on shared cores they measure the neighbours too.
 */
final class Targets {

    static final String CEILING = "ceiling";
    static final String FLOOR = "floor";
    static final String CONTENDED = "contended";
    static final String FLOOR_TOKENS = "floor-tokens";
    static final String CONTENDED_TOKENS = "contended-tokens";
    static final String FLOOR_KNOWN_TOKENS = "floor-known-tokens";
    static final String FIXED_RATE = "fixed-rate";
    static final String SOLD_OUT = "sold-out";
    static final String DRAIN = "drain";
    static final String SETTLE = "settle";

    /** The busiest the machine may be while p99 is measured for its target. */
    static final double FIXED_RATE_MAX_BUSY = 0.60;

    private Targets() {
    }

    /** @param rows the run's rows by key: the system's rows by the names above, the lab's by {@link LabRows#key} */
    static List<Target> of(Map<String, ResultRow> rows) {
        List<Target> targets = new ArrayList<>();
        Optional<Cost> floor = cost(rows, FLOOR);
        Optional<Cost> issued = cost(rows, CONTENDED);
        Optional<Cost> soldOut = cost(rows, SOLD_OUT);
        if (floor.isPresent() && issued.isPresent()) {
            targets.add(Target.atMost("gateway CPU per issued coupon / per constant answer",
                    ratio(issued.get(), floor.get(), c -> c.micros(Role.GATEWAY)), 1.35, "x"));
            targets.add(Target.atMost("whole machine CPU per issued coupon / per constant answer",
                    ratio(issued.get(), floor.get(), Cost::machineMicros), 1.6, "x"));
            targets.add(Target.atMost("  the same, the system's processes and the generator only",
                    ratio(issued.get(), floor.get(), Cost::processMicros), 1.6, "x")
                    .remark("leaves out what other work on the machine spent"));
        }
        Optional<Cost> issuedWithTokens = cost(rows, CONTENDED_TOKENS);
        if (issued.isPresent() && issuedWithTokens.isPresent()) {
            double added = issuedWithTokens.get().micros(Role.GATEWAY) - issued.get().micros(Role.GATEWAY);
            Optional<Cost> floorWithTokens = cost(rows, FLOOR_TOKENS);
            String remark = floor.isPresent() && floorWithTokens.isPresent()
                    ? String.format(Locale.ROOT, "constant endpoint: %+.0f µs; every token new to the gateway, so each"
                            + " request pays one RS256 verification (docs/benchmarks.md)",
                            floorWithTokens.get().micros(Role.GATEWAY) - floor.get().micros(Role.GATEWAY))
                    : "every token new to the gateway: each request pays one RS256 verification";
            targets.add(new Target("gateway CPU per issue request added by tokens", "reported", added, " µs",
                    Target.Status.NOT_JUDGED, remark));
        }
        Optional<Cost> floorWithKnownTokens = cost(rows, FLOOR_KNOWN_TOKENS);
        if (floor.isPresent() && floorWithKnownTokens.isPresent()) {
            targets.add(Target.atMost("gateway CPU per constant answer added by a token already verified",
                    floorWithKnownTokens.get().micros(Role.GATEWAY) - floor.get().micros(Role.GATEWAY), 10, " µs")
                    .remark("the security chain, the cache of verified tokens and the limits, beyond the verification"));
        }
        if (floor.isPresent() && soldOut.isPresent()) {
            targets.add(Target.atMost("whole machine CPU per sold-out answer / per constant answer",
                    ratio(soldOut.get(), floor.get(), Cost::machineMicros), 1.1, "x"));
            targets.add(Target.atMost("  the same, the system's processes and the generator only",
                    ratio(soldOut.get(), floor.get(), Cost::processMicros), 1.1, "x")
                    .remark("leaves out what other work on the machine spent"));
        }
        if (rows.containsKey(FIXED_RATE)) {
            targets.add(fixedRate(rows.get(FIXED_RATE)));
        }
        if (rows.containsKey(DRAIN)) {
            targets.add(Target.atLeast("worker persistence, draining a backlog", rows.get(DRAIN).throughput(), 50_000,
                    " rows/s"));
        }
        if (rows.containsKey(SETTLE)) {
            targets.add(Target.atMost("settle time, " + rows.get(SETTLE).load(), rows.get(SETTLE).throughput(), 0.5, " s"));
        }
        return targets;
    }

    /** p99 counts only at a rate that keeps the machine at most 60 % busy: a busier machine measures its queue. */
    private static Target fixedRate(ResultRow row) {
        String what = "p99 at a fixed rate, machine ≤ " + Math.round(FIXED_RATE_MAX_BUSY * 100) + " % busy";
        Target target = Target.atMost(what, row.p99(), 10, " ms");
        if (row.cost().isEmpty()) {
            return target.notJudged("the machine's busy share was not measured");
        }
        double busy = row.cost().get().window().machineBusyShare();
        String remark = String.format(Locale.ROOT, "%,.0f req/s; machine %.0f %% busy, the system's processes and the"
                + " generator %.0f %%", row.throughput(), busy * 100, row.cost().get().window().processShare() * 100);
        return busy <= FIXED_RATE_MAX_BUSY ? target.remark(remark)
                : target.notJudged(remark + ": busier than the target allows");
    }

    /** Throughput ratios, for reference. */
    static List<Ratio> throughputRatios(Map<String, ResultRow> rows) {
        List<Ratio> ratios = new ArrayList<>();
        ResultRow contended = rows.get(CONTENDED);
        if (contended == null) {
            return ratios;
        }
        if (rows.containsKey(FLOOR)) {
            ratios.add(new Ratio("issue throughput / constant-JSON endpoint", contended.throughput() / rows.get(FLOOR).throughput()));
        }
        if (rows.containsKey(CEILING)) {
            ratios.add(new Ratio("issue throughput / redis-benchmark (issue script)",
                    contended.throughput() / rows.get(CEILING).throughput()));
        }
        if (rows.containsKey(CONTENDED_TOKENS)) {
            ratios.add(new Ratio("issue throughput with tokens / without", rows.get(CONTENDED_TOKENS).throughput()
                    / contended.throughput()));
        }
        ResultRow pessimistic = pessimisticWithStockLeft(rows);
        if (pessimistic != null) {
            ratios.add(new Ratio("issue throughput / pessimistic-lock baseline (stock left)",
                    contended.throughput() / pessimistic.throughput()));
        }
        return ratios;
    }

    /**
     * The pessimistic lock on the lab's "stock left" load: like the contended row, every attempt is
     * a new member while stock remains, so both figures are of requests that issue. (On the
     * double-click load three attempts in four are refusals, which roll back without a commit.)
     */
    private static ResultRow pessimisticWithStockLeft(Map<String, ResultRow> rows) {
        return rows.get(LabRows.key(LabLoad.STOCK_LEFT, PessimisticLock.NAME));
    }

    private static Optional<Cost> cost(Map<String, ResultRow> rows, String key) {
        return Optional.ofNullable(rows.get(key)).flatMap(ResultRow::cost);
    }

    private static double ratio(Cost row, Cost floor, ToDoubleFunction<Cost> figure) {
        return figure.applyAsDouble(row) / figure.applyAsDouble(floor);
    }

    /** One row's figure against another's. */
    record Ratio(String what, double measured) {

        String text() {
            return Target.number(measured) + "x";
        }
    }
}
