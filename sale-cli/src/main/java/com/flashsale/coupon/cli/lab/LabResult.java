package com.flashsale.coupon.cli.lab;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.check.Verdicts;
import com.flashsale.coupon.kit.load.LoadResult;
import com.flashsale.coupon.kit.load.Percentiles;
import com.flashsale.coupon.kit.store.SaleState;

/**
 * What one baseline did with the load: every answer (the kit's load engine kept them per member),
 * its store afterwards, and the kit's verdicts on both. A race can show in either: two "issued"
 * answers for one member, or a store that disagrees with the answers.
 *
 * @param name the baseline's
 */
public record LabResult(String name, LabLoad load, LoadResult run, SaleState state, Verdicts verdicts) {

    public int attempts() {
        return load.attempts();
    }

    public int stock() {
        return load.stock();
    }

    public int members() {
        return load.members();
    }

    /** Attempts answered before the time limit. */
    public int finished() {
        return run.log().size();
    }

    public double seconds() {
        return run.elapsed().toNanos() / 1e9;
    }

    public double throughput() {
        return run.throughput();
    }

    public Percentiles latency() {
        return run.latency();
    }

    /** Attempts answered "issued". */
    public long issued() {
        return run.count(Outcome.ISSUED);
    }

    /** Distinct members answered "issued" at least once. */
    public long holders() {
        return run.log().all().stream().filter(a -> a.outcome() == Outcome.ISSUED).mapToLong(Answer::memberId).distinct()
                .count();
    }

    /** Coupons answered beyond the stock. */
    public long oversell() {
        return Math.max(0, issued() - stock());
    }

    /** Extra coupons answered to members who already had one. */
    public long duplicates() {
        return issued() - holders();
    }

    public long duplicateRefusals() {
        return run.count(Outcome.DUPLICATE);
    }

    public long soldOut() {
        return run.count(Outcome.SOLD_OUT);
    }

    /** Gave up (unavailable), failed with an error (unknown), or could not reach its store. */
    public long failed() {
        return run.count(Outcome.UNAVAILABLE) + run.count(Outcome.UNKNOWN) + run.count(Outcome.NOT_CONNECTED);
    }

    public boolean complete() {
        return finished() == attempts();
    }
}
