package com.flashsale.coupon.loadtest;

import java.io.IOException;
import tools.jackson.databind.JsonNode;

/**
 * The seed's start of a load-test run, through the worker's operator endpoints: the coupon's
 * quantity set (someone may have changed it since), then the one-call reset of MySQL rows and the
 * Redis ledger together, which leaves the stock equal to that quantity.
 */
final class SaleReset {

    private final ServiceClient worker;

    SaleReset(ServiceClient worker) {
        this.worker = worker;
    }

    /** Returns the worker's report of what the reset removed and provisioned again. */
    String reset(String couponCode, int quantity) {
        call("/api/v1/coupons/stock/init?couponCode=" + couponCode + "&quantity=" + quantity, "set the quantity");
        return call("/api/test/reset", "reset the sale").path("data").toString();
    }

    private JsonNode call(String path, String what) {
        ServiceClient.Reply reply;
        try {
            reply = worker.post(path, "");
        } catch (IOException e) {
            throw new LoadTestException("cannot reach the worker at " + worker.target() + " to " + what + ": " + e
                    + ". Start the system first: 'make run' (or 'make up').", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadTestException("interrupted while trying to " + what, e);
        }
        if (reply.status() == 404) {
            throw new LoadTestException("the worker at " + worker.target() + " has no operator endpoints for this caller: "
                    + "it runs the prod profile, or it needs the admin token (set COUPON_ADMIN_TOKEN or --admin-token)");
        }
        if (reply.status() != 200) {
            throw new LoadTestException("the worker refused to " + what + " with HTTP " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }
}
