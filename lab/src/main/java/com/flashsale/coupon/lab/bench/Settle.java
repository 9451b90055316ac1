package com.flashsale.coupon.lab.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until a campaign has settled: the outbox is empty (Kafka has everything) and MySQL holds a
 * row for every issuance the Redis ledger accepted. (When it happened is {@link RowWatcher}'s.)
 */
final class Settle {

    private static final long POLL_NANOS = 5_000_000;

    private Settle() {
    }

    static Settled await(RunningSystem system, String couponCode, long couponId, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RunningSystem.Ledger ledger = system.ledger(couponCode);
        long rows = system.rowCount(couponId);
        while (true) {
            if (ledger.outboxBacklog() == 0 && rows == ledger.issued()) {
                return new Settled(true, System.currentTimeMillis(), rows, ledger);
            }
            if (System.nanoTime() > deadline) {
                return new Settled(false, System.currentTimeMillis(), rows, ledger);
            }
            LockSupport.parkNanos(POLL_NANOS);
            ledger = system.ledger(couponCode);
            rows = system.rowCount(couponId);
        }
    }

    /** Waits until MySQL holds {@code expected} rows of the campaign, whatever the ledger says. */
    static Settled awaitRows(RunningSystem system, String couponCode, long couponId, long expected, Duration timeout)
            throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long rows = system.rowCount(couponId);
            if (rows >= expected || System.nanoTime() > deadline) {
                return new Settled(rows >= expected, System.currentTimeMillis(), rows, system.ledger(couponCode));
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * Waits until it is safe to reset: the outbox is empty and the MySQL row count has not moved for a
     * second. Unlike {@link #await}, this also ends when MySQL and Redis disagree for good (after a
     * run that published straight to Kafka, or an aborted one): the reset that follows repairs both.
     */
    static void awaitQuiet(RunningSystem system, String couponCode, long couponId, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastRows = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long backlog = system.ledger(couponCode).outboxBacklog();
            long rows = system.rowCount(couponId);
            if (backlog != 0 || rows != lastRows) {
                stableSince = System.nanoTime();
                lastRows = rows;
            } else if (System.nanoTime() - stableSince >= 1_000_000_000L) {
                return;
            }
            LockSupport.parkNanos(50_000_000L);
        }
        throw new IllegalStateException("The sale of " + couponCode + " has not settled within " + timeout
                + " (outbox " + system.ledger(couponCode).outboxBacklog() + ", rows " + system.rowCount(couponId)
                + "): is the worker running? Resetting now would lose in-flight issuances.");
    }

    /** {@code atMillis}: wall time when the condition was seen (or the timeout hit). */
    record Settled(boolean settled, long atMillis, long rows, RunningSystem.Ledger ledger) {
    }
}
