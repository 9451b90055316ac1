package com.flashsale.coupon.lab.baseline;

import com.flashsale.coupon.lab.load.Latencies;

/**
 * What one baseline did with the load. Answers and store are both reported: a race can show in
 * either (two "issued" answers for one member, or a store that disagrees with the answers).
 *
 * @param name the baseline's
 * @param issued attempts answered "issued"
 * @param holders distinct members answered "issued" at least once
 * @param finished attempts completed before the time limit
 */
public record LabResult(String name, LabLoad load, int finished, double seconds, Latencies.Summary latency, long issued,
        long holders, long duplicateRefusals, long soldOut, long failed, Baseline.StoreState store) {

    public int attempts() {
        return load.attempts();
    }

    public int stock() {
        return load.stock();
    }

    public int members() {
        return load.members();
    }

    public double throughput() {
        return finished / seconds;
    }

    /** Coupons answered beyond the stock. */
    public long oversell() {
        return Math.max(0, issued - stock());
    }

    /** Extra coupons answered to members who already had one. */
    public long duplicates() {
        return issued - holders;
    }

    /**
     * Coupons left unsold although enough members asked: members were refused (or gave up) while
     * stock was left. Only meaningful when the whole load ran.
     */
    public long unsold() {
        return finished < attempts() ? 0 : Math.max(0, Math.min(stock(), members()) - issued);
    }

    /** Every issued answer is in the store, and the store holds nothing that was not answered. */
    public boolean storeAgrees() {
        return store.records() == issued && store.holders() == holders && store.stockLeft() == stock() - issued;
    }
}
