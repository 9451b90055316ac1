package com.flashsale.coupon.loadtest;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for the worker to catch up after the burst. Persisting is asynchronous (outbox relay, Kafka,
 * batch insert), so the stores are compared once nothing is in flight, polled rather than slept on,
 * and never for longer than the timeout: a system that does not settle is itself a failure.
 */
final class Settling {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private Settling() {
    }

    static Settled await(Supplier<StoreSnapshot> read, Duration timeout) throws InterruptedException {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        while (true) {
            StoreSnapshot snapshot = read.get();
            long now = System.nanoTime();
            if (snapshot.settled() || now >= deadline) {
                return new Settled(snapshot, snapshot.settled(), Duration.ofNanos(now - began), timeout);
            }
            Thread.sleep(Math.min(POLL_INTERVAL.toMillis(), Math.max(1, (deadline - now) / 1_000_000)));
        }
    }

    /** The last snapshot read, whether it was settled, and how long the wait took. */
    record Settled(StoreSnapshot snapshot, boolean settled, Duration waited, Duration timeout) {
    }
}
