package com.flashsale.coupon.lab.bench;

/**
 * One line of the results table.
 *
 * @param group ceiling, floor, system, worker or lab
 * @param unit what {@code throughput} counts: "req/s" or "rows/s"
 * @param issued coupons answered "issued" (or rows persisted), -1 where not applicable
 * @param oversell -1 where not applicable
 * @param duplicates -1 where not applicable
 */
record ResultRow(String group, String name, String load, double throughput, String unit, double p50, double p99,
        long issued, long oversell, long duplicates, Invariants invariants, String note) {
}
