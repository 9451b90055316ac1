package com.flashsale.coupon.kit.load;

import com.flashsale.coupon.kit.api.Outcome;
import java.time.Duration;

/**
 * What one load did: every answer, and the run's bounds in nano time. {@code startedAtMillis} is the
 * wall-clock reading taken with {@code startedAt}, to place nano times on the clock MySQL stamps rows with.
 */
public record LoadResult(AnswerLog log, long startedAt, long endedAt, long startedAtMillis) {

    public Duration elapsed() {
        return Duration.ofNanos(endedAt - startedAt);
    }

    /** Answers per second over the run. */
    public double throughput() {
        double seconds = (endedAt - startedAt) / 1e9;
        return seconds <= 0 ? 0 : log.size() / seconds;
    }

    public Percentiles latency() {
        return log.latency();
    }

    public long count(Outcome outcome) {
        return log.count(outcome);
    }

    /** A nano time of this run as epoch milliseconds. */
    public long wallMillis(long nanoTime) {
        return startedAtMillis + (nanoTime - startedAt) / 1_000_000;
    }
}
