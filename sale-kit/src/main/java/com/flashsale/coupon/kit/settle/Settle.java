package com.flashsale.coupon.kit.settle;

import com.flashsale.coupon.kit.store.StoreCounts;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until a sale has settled, the one definition every driver and check uses: the outbox is
 * empty, whatever else must drain has drained ({@link #alsoWaitFor}, e.g. the consumer groups have
 * caught up), and nothing in MySQL or Redis has changed for a quiet period. Persisting is
 * asynchronous (outbox relay, Kafka, batch insert), so the stores are polled, never slept on, and
 * never for longer than the timeout: a system that does not settle is itself a finding, reported as
 * such rather than thrown.
 *
 * <p>Settled does not mean right: whether Redis and MySQL agree once quiet is what the invariant
 * checks judge. A read that fails (a store on its way back after a fault) counts as a change.
 */
public final class Settle {

    private final CountsReader read;
    private Duration quietFor = Duration.ofSeconds(2);
    private Duration atMost = Duration.ofSeconds(60);
    private Duration pollEvery = Duration.ofMillis(100);
    private Duration reportEvery = Duration.ofSeconds(1);
    private PendingWork pending = () -> 0;
    private Consumer<Progress> progress = p -> {
    };

    private Settle(CountsReader read) {
        this.read = read;
    }

    /** Settles on what {@code read} returns: typically {@code () -> probe.counts(couponCode)}. */
    public static Settle of(CountsReader read) {
        return new Settle(read);
    }

    /** How long nothing may change (2 s unless set). */
    public Settle quietFor(Duration quietFor) {
        this.quietFor = quietFor;
        return this;
    }

    /** The longest wait (60 s unless set). */
    public Settle atMost(Duration atMost) {
        this.atMost = atMost;
        return this;
    }

    /** How often the stores are read (every 100 ms unless set). */
    public Settle pollEvery(Duration pollEvery) {
        this.pollEvery = pollEvery;
        return this;
    }

    /**
     * Work outside the stores that must be done too, as a count that settles at 0 and is part of
     * what must stay quiet: records the consumer groups have not processed yet, rows still expected.
     */
    public Settle alsoWaitFor(PendingWork pending) {
        this.pending = pending;
        return this;
    }

    /** Told what the stores hold about once per {@code every}, and once more at the end. */
    public Settle reporting(Duration every, Consumer<Progress> progress) {
        this.reportEvery = every;
        this.progress = progress;
        return this;
    }

    public Settled await() {
        long began = System.nanoTime();
        long deadline = began + atMost.toNanos();
        long lastChangeAt = began;
        long lastReportAt = began - reportEvery.toNanos();
        Reading last = null;
        StoreCounts counts = null;
        long pendingNow = -1;
        while (true) {
            String failure = null;
            // The stores, then the pending work, each on its own: a failure is told by what failed
            // (the counts kept from the last read that worked, the pending work -1 when it failed).
            try {
                counts = read.read();
                pendingNow = -1; // stays so when the pending work cannot be read
                pendingNow = pending.pending();
                Reading now = new Reading(counts, pendingNow);
                if (!now.equals(last)) {
                    last = now;
                    lastChangeAt = System.nanoTime();
                }
            } catch (Exception e) {
                failure = e.getMessage() == null ? e.toString() : e.getMessage();
                last = null;
                lastChangeAt = System.nanoTime();
            }
            long at = System.nanoTime();
            boolean settled = failure == null && counts.outboxBacklog() == 0 && pendingNow == 0
                    && at - lastChangeAt >= quietFor.toNanos();
            boolean interrupted = Thread.currentThread().isInterrupted();
            if (settled || at >= deadline || interrupted) {
                progress.accept(new Progress(Duration.ofNanos(at - began), counts, pendingNow,
                        Duration.ofNanos(at - lastChangeAt), failure));
                return new Settled(settled, counts, pendingNow, Duration.ofNanos(at - began), lastChangeAt, atMost,
                        interrupted ? "interrupted" : failure);
            }
            if (at - lastReportAt >= reportEvery.toNanos()) {
                lastReportAt = at;
                progress.accept(new Progress(Duration.ofNanos(at - began), counts, pendingNow,
                        Duration.ofNanos(at - lastChangeAt), failure));
            }
            LockSupport.parkNanos(Math.min(pollEvery.toNanos(), Math.max(1, deadline - at)));
        }
    }

    /** Reads the stores' counts; may throw while a store is unreachable. */
    @FunctionalInterface
    public interface CountsReader {
        StoreCounts read() throws Exception;
    }

    /** Work left elsewhere; may throw while it cannot be read (a broker on its way back). */
    @FunctionalInterface
    public interface PendingWork {
        long pending() throws Exception;
    }

    /** What one poll read: a change in either part restarts the quiet period. */
    private record Reading(StoreCounts counts, long pending) {
    }
}
