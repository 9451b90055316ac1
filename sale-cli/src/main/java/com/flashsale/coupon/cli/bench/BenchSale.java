package com.flashsale.coupon.cli.bench;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.settle.Progress;
import com.flashsale.coupon.kit.settle.Settle;
import com.flashsale.coupon.kit.settle.Settled;
import com.flashsale.coupon.kit.store.SaleState;
import com.flashsale.coupon.kit.store.StoreCounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The coupon on sale during the bench, between rows: a new sale only once the last one has settled
 * (so no row inherits another's leftovers) and the system is quiet again, the wait until a row's
 * sale has settled for its checks, and what MySQL's own timestamps say about its rows.
 */
final class BenchSale {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration CHECK_QUIET = Duration.ofSeconds(1);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(60);

    private final BenchRun run;
    private final BenchSettings s;
    private long couponId;
    private int quantityBefore;

    BenchSale(BenchRun run) {
        this.run = run;
        this.s = run.settings();
    }

    /** Reads the coupon as the bench found it, adds the bench members, and opens a sale with unlimited stock. */
    void open() throws Exception {
        StoreCounts counts = counts();
        couponId = counts.couponId();
        // A bench stopped half-way leaves one of its own quantities behind: the seed's is 100.
        quantityBefore = counts.quantity() == BenchSettings.UNLIMITED_STOCK || counts.quantity() == s.saleQuantity()
                ? 100 : (int) counts.quantity();
        run.line("  inserted " + BenchMembers.ensure(run.db(), s.members()) + " member rows");
        fresh(BenchSettings.UNLIMITED_STOCK);
        requirePipeline();
    }

    long couponId() {
        return couponId;
    }

    SaleState state() {
        return run.probe().state(s.couponCode());
    }

    /** What the stores hold about the coupon now. */
    StoreCounts counts() {
        return run.probe().counts(s.couponCode());
    }

    /**
     * One coupon issued must reach MySQL before anything is measured: a gateway publishing to another
     * Kafka than the worker reads (a port left at its default) would otherwise look like a system
     * that never settles, row after row.
     */
    void requirePipeline() throws Exception {
        Outcome outcome = run.client().issue(s.couponCode(), BenchMembers.FIRST).outcome();
        Settled settled = Settle.of(this::counts).quietFor(Duration.ZERO)
                .alsoWaitFor(() -> Math.max(0, 1 - counts().rows())).atMost(PIPELINE_TIMEOUT).await();
        if (outcome != Outcome.ISSUED || !settled.settled()) {
            throw new IllegalStateException("A coupon issued through " + run.client().services().gateway() + " ("
                    + outcome + ") did not reach MySQL within " + PIPELINE_TIMEOUT.toSeconds() + " s (" + settled.counts()
                    + "): do the gateway and the worker use the same Kafka (KAFKA_BOOTSTRAP_SERVERS, KAFKA_PORT)?");
        }
        run.line("  a coupon issued reached MySQL after " + BenchRun.seconds(settled.waited().toNanos()));
        fresh(BenchSettings.UNLIMITED_STOCK);
    }

    /** Leaves the system as the bench found it: settled, reset, bench members gone, the quantity as before. */
    void restore() throws Exception {
        settleBeforeReset();
        run.client().reset();
        if (!s.keepMembers()) {
            run.line("  removed " + BenchMembers.remove(run.db()) + " bench members");
        }
        run.client().initStock(s.couponCode(), quantityBefore);
        run.client().reset();
    }

    /**
     * A new sale of this quantity, once the last one has settled; measured only once the system is quiet
     * again. Reset first: the worker never sets a quantity below what the last sale issued.
     */
    void fresh(int quantity) throws Exception {
        settleBeforeReset();
        run.client().reset();
        run.client().initStock(s.couponCode(), quantity);
        run.line("  " + QuietSystem.await(run.meter(), QUIET_TIMEOUT));
    }

    /**
     * Safe to reset: the outbox is empty and the stores have not moved for a second. It also ends when
     * MySQL and Redis disagree for good (after the drain, or an aborted run): the reset repairs both.
     */
    private void settleBeforeReset() {
        Settled settled = Settle.of(this::counts).quietFor(Duration.ofSeconds(1))
                .pollEvery(Duration.ofMillis(50)).atMost(SETTLE_TIMEOUT).reporting(REPORT_EVERY, this::slowSettle).await();
        if (!settled.settled()) {
            throw new IllegalStateException("The sale of " + s.couponCode() + " has not settled within "
                    + SETTLE_TIMEOUT.toSeconds() + " s (" + settled.counts() + "): is the worker running? Resetting now"
                    + " would lose in-flight issuances.");
        }
    }

    /** Settled for the checks: the outbox empty, a row (or a failure row) for every acceptance, then quiet. */
    Settled settleForChecks(Duration pollEvery) {
        Settled settled = Settle.of(this::counts).quietFor(CHECK_QUIET).pollEvery(pollEvery)
                .alsoWaitFor(() -> {
                    StoreCounts c = counts();
                    return Math.max(0, c.redisIssued() - c.rows() - c.failedRows());
                }).atMost(SETTLE_TIMEOUT).reporting(REPORT_EVERY, this::slowSettle).await();
        if (!settled.settled()) {
            run.note("The sale of " + s.couponCode() + " did not settle within " + SETTLE_TIMEOUT.toSeconds() + " s: "
                    + settled.counts() + (settled.failure() == null ? "" : " (" + settled.failure() + ")"));
        }
        return settled;
    }

    /** A settle that takes longer than a few seconds says what it is waiting for. */
    private void slowSettle(Progress progress) {
        if (progress.elapsed().compareTo(REPORT_EVERY) >= 0) {
            run.line("    settling: " + progress.line().strip());
        }
    }

    /** When the coupon's last row was written, in epoch milliseconds, by MySQL's own timestamp. */
    long lastRowMillis() throws SQLException {
        try (Statement st = run.db().createStatement(); ResultSet r = st.executeQuery(
                "SELECT ROUND(UNIX_TIMESTAMP(MAX(created_at)) * 1000) FROM coupon_issues WHERE coupon_id = " + couponId)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Rows per second between the coupon's first and last row, by MySQL's own timestamps: no polling needed. */
    double persistenceRate() throws SQLException {
        try (Statement st = run.db().createStatement(); ResultSet r = st.executeQuery(
                "SELECT COUNT(*), TIMESTAMPDIFF(MICROSECOND, MIN(created_at), MAX(created_at)) FROM coupon_issues"
                        + " WHERE coupon_id = " + couponId)) {
            r.next();
            long micros = r.getLong(2);
            return micros <= 0 ? 0 : r.getLong(1) / (micros / 1e6);
        }
    }
}
