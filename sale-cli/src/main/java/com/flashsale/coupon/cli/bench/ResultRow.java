package com.flashsale.coupon.cli.bench;

import com.flashsale.coupon.cli.bench.cpu.Cost;
import com.flashsale.coupon.kit.check.Verdicts;
import java.util.Map;
import java.util.Optional;

/**
 * One line of the results table.
 *
 * @param group ceiling, floor, system, worker or lab
 * @param unit what {@code throughput} counts: "req/s", "rows/s", or "s" for a time
 * @param issued coupons answered "issued" (or rows persisted), -1 where not applicable
 * @param oversell -1 where not applicable
 * @param duplicates -1 where not applicable
 * @param verdicts the kit's verdicts on the row's answers and stores; none for a row that sells nothing
 * @param cost CPU per request over the row's measured window, where it was measured
 */
record ResultRow(String group, String name, String load, double throughput, String unit, double p50, double p99,
        long issued, long oversell, long duplicates, Verdicts verdicts, Optional<Cost> cost, String note) {

    static final Verdicts NONE = new Verdicts(Map.of());

    /** The same row with its CPU cost. */
    ResultRow costing(Cost cost) {
        return new ResultRow(group, name, load, throughput, unit, p50, p99, issued, oversell, duplicates, verdicts,
                Optional.of(cost), note);
    }
}
