package com.flashsale.coupon.system.chaos;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/**
 * Waits until the system has settled after the sale: the outbox is empty, the consumers have
 * processed every record (dead letters included), and nothing in MySQL or Redis has changed for a
 * while. An awaited condition, never a fixed sleep: a slow recovery gets more time, a quick one
 * costs none.
 */
final class Settler {

    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration LIMIT = Duration.ofMinutes(4);

    private final LedgerView ledger;
    private final MySqlView mysql;
    private final DrillTopics topics;
    private Snapshot last;
    private long quietSince;

    Settler(LedgerView ledger, MySqlView mysql, DrillTopics topics) {
        this.ledger = ledger;
        this.mysql = mysql;
        this.topics = topics;
    }

    /** Returns how long settling took. */
    Duration settle() {
        long started = System.nanoTime();
        last = null;
        await("the system settled (outbox empty, consumers caught up, stores quiet)").atMost(LIMIT)
                .pollInterval(Duration.ofMillis(500))
                // A server coming back from a fault may refuse a probe or two.
                .ignoreExceptions()
                .until(this::quiet);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private boolean quiet() throws Exception {
        Snapshot now = new Snapshot(ledger.backlog(), topics.unprocessed(), mysql.rows(), mysql.failedRows(),
                ledger.stock(), ledger.issuedCount());
        if (now.backlog() != 0 || now.unprocessed() != 0 || !now.equals(last)) {
            last = now;
            quietSince = System.nanoTime();
            return false;
        }
        return System.nanoTime() - quietSince >= QUIET.toNanos();
    }

    private record Snapshot(long backlog, long unprocessed, long rows, long failedRows, long stock, long issued) {
    }
}
