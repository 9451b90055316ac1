package com.flashsale.coupon.lab.load;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latencies of one run, kept whole (a run is at most a few hundred thousand requests) so the
 * percentiles are exact rather than bucketed. Thread-safe: every recorder claims its own slot.
 */
public final class Latencies {

    private final long[] nanos;
    private final AtomicInteger count = new AtomicInteger();

    public Latencies(int capacity) {
        nanos = new long[capacity];
    }

    public void record(long latencyNanos) {
        int slot = count.getAndIncrement();
        if (slot < nanos.length) {
            nanos[slot] = latencyNanos;
        }
    }

    public Summary summary() {
        int n = Math.min(count.get(), nanos.length);
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return new Summary(n, millis(sorted, 0.50), millis(sorted, 0.99), millis(sorted, 0.999),
                n == 0 ? 0 : sorted[n - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** Percentiles in milliseconds. */
    public record Summary(int count, double p50, double p99, double p999, double max) {
    }
}
