package com.flashsale.coupon.kit.load;

import java.util.Arrays;

/**
 * Latency percentiles in milliseconds, nearest-rank, over every answer kept whole (a run is at most a
 * few hundred thousand requests) so they are exact rather than bucketed.
 */
public record Percentiles(int count, double p50, double p99, double p999, double max) {

    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0);

    static Percentiles of(long[] nanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, millis(sorted, 0.50), millis(sorted, 0.99), millis(sorted, 0.999),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
