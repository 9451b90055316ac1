package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.api.ResetReport;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.check.Verdicts;
import com.flashsale.coupon.kit.settle.ConsumerBacklog;
import com.flashsale.coupon.kit.settle.Settle;
import com.flashsale.coupon.kit.settle.Settled;
import com.flashsale.coupon.kit.store.StoreProbe;
import java.time.Duration;

/** The steps several commands share: resetting the sale, waiting for it to settle. */
final class SaleSteps {

    private SaleSteps() {
    }

    /**
     * The seed's start of a run, through the worker: MySQL's rows and the Redis ledger reset together,
     * then the coupon's quantity set (someone may have changed it), the stock shifting to it. In this
     * order, since the worker never sets a quantity below what was issued.
     */
    static void reset(SaleClient client, String couponCode, int quantity, Report report) {
        ResetReport reset = client.reset();
        client.initStock(couponCode, quantity);
        report.line("Sale reset through " + client.services().worker() + " (" + couponCode + " quantity " + quantity
                + "): removed " + reset.deletedCouponIssues() + " issue rows, " + reset.deletedFailedCouponIssues()
                + " failure rows, " + reset.deletedLedgerKeys() + " ledger keys; provisioned "
                + reset.provisionedCampaigns() + " campaigns, " + reset.provisionedMembers() + " members");
    }

    /**
     * Settled: the outbox empty, the worker's consumer group with nothing left in Kafka, and the stores
     * unchanged for the quiet period. Not settled: why, naming what is not moving.
     */
    static Settlement settle(StoreProbe probe, ConsumerBacklog backlog, String couponCode, Duration timeout,
            Duration quiet, Report report) {
        report.line(String.format(java.util.Locale.ROOT, "Waiting for the system to settle (outbox empty, nothing"
                + " left in Kafka for the worker, stores unchanged for %.1f s; at most %d s)...",
                quiet.toMillis() / 1000.0, timeout.toSeconds()));
        Settled settled = Settle.of(() -> probe.counts(couponCode)).alsoWaitFor(backlog::pending).quietFor(quiet)
                .atMost(timeout).reporting(Duration.ofSeconds(2), progress -> report.line("  " + progress.line()))
                .await();
        Settlement settlement = new Settlement(settled, settled.settled() ? null : NotSettled.why(settled, backlog));
        report.settled(settlement);
        return settlement;
    }

    /** How the wait ended; {@code why} is null when the sale settled. */
    record Settlement(Settled settled, String why) {

        boolean done() {
            return settled.settled();
        }

        /** The verdicts the sale can have now: those that need it settled withheld while it has not. */
        Verdicts judged(Verdicts verdicts) {
            return done() ? verdicts : NotSettled.withheld(verdicts, why);
        }
    }
}
