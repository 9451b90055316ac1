package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.api.ResetReport;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.settle.Settle;
import com.flashsale.coupon.kit.settle.Settled;
import com.flashsale.coupon.kit.store.StoreProbe;
import java.time.Duration;

/** The steps several commands share: resetting the sale, waiting for it to settle. */
final class SaleSteps {

    private SaleSteps() {
    }

    /**
     * The seed's start of a run, through the worker: the coupon's quantity set (someone may have
     * changed it), then MySQL's rows and the Redis ledger reset together, at full stock.
     */
    static void reset(SaleClient client, String couponCode, int quantity, Report report) {
        client.initStock(couponCode, quantity);
        ResetReport reset = client.reset();
        report.line("Sale reset through " + client.services().worker() + " (" + couponCode + " quantity " + quantity
                + "): removed " + reset.deletedCouponIssues() + " issue rows, " + reset.deletedFailedCouponIssues()
                + " failure rows, " + reset.deletedLedgerKeys() + " ledger keys; provisioned "
                + reset.provisionedCampaigns() + " campaigns, " + reset.provisionedMembers() + " members");
    }

    static Settled settle(StoreProbe probe, String couponCode, Duration timeout, Duration quiet, Report report) {
        report.line(String.format(java.util.Locale.ROOT, "Waiting for the system to settle (outbox empty, stores"
                + " unchanged for %.1f s; at most %d s)...", quiet.toMillis() / 1000.0, timeout.toSeconds()));
        Settled settled = Settle.of(() -> probe.counts(couponCode)).quietFor(quiet).atMost(timeout)
                .reporting(Duration.ofSeconds(2), progress -> report.line("  " + progress.line())).await();
        report.settled(settled);
        return settled;
    }
}
