package com.flashsale.coupon.loadtest;

import java.util.List;

/** Latency percentiles in milliseconds, nearest-rank, over the answers that came back. */
record Latency(double p50, double p99, double max) {

    static Latency of(List<Answer> answers) {
        long[] nanos = answers.stream().filter(a -> a.status() != Answer.NO_ANSWER)
                .mapToLong(Answer::latencyNanos).sorted().toArray();
        if (nanos.length == 0) {
            return new Latency(0, 0, 0);
        }
        return new Latency(millis(percentile(nanos, 50)), millis(percentile(nanos, 99)), millis(nanos[nanos.length - 1]));
    }

    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
