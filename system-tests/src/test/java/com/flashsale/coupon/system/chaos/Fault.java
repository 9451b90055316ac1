package com.flashsale.coupon.system.chaos;

import com.flashsale.coupon.system.SaleEnvironment;
import java.util.Set;

/**
 * One kind of failure a drill injects into a running sale. The drill provisions the sale, starts
 * it, waits until {@link #trigger()} of the stock is sold, calls {@link #inject} on its own thread
 * while the clients keep asking, and once the system has settled and been reconciled checks the
 * invariants and asks the fault to prove it landed where it was meant to.
 */
interface Fault {

    /** The servers the drill's system runs on: the standalone ones unless the fault needs a cluster. */
    default SaleEnvironment.Topology topology() {
        return SaleEnvironment.Topology.STANDALONE;
    }

    /** Gateway replicas the drill starts. */
    default int gateways() {
        return 1;
    }

    /** Share of the stock sold when the fault is injected: mid-sale, with coupons left to sell. */
    default double trigger() {
        return 0.3;
    }

    /** Runs after the ledger is provisioned and before the first request. */
    default void prepare(ChaosRun run) throws Exception {
    }

    /** Injects the fault and returns once it is over (servers and services back); the sale goes on meanwhile. */
    void inject(ChaosRun run) throws Exception;

    /** Members the fault made impossible to persist: their success may legitimately end as a failure row. */
    default Set<Long> expectedFailures() {
        return Set.of();
    }

    /** After the check: throws an AssertionError unless the fault landed as intended (mid-sale, with effect). */
    void verify(ChaosRun run) throws Exception;

    /** One sentence for the report: what the fault did and what it met. */
    String note(ChaosRun run);
}
