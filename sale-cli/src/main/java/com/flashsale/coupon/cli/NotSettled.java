package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.check.Invariant;
import com.flashsale.coupon.kit.check.Verdict;
import com.flashsale.coupon.kit.check.Verdicts;
import com.flashsale.coupon.kit.settle.ConsumerBacklog;
import com.flashsale.coupon.kit.settle.Settled;
import java.util.List;

/**
 * What a sale that has not settled still waits for, named by the part of the system that is not
 * moving; and which verdicts such a sale cannot have yet. Issuances on their way are neither lost nor
 * unsold: I3, I4 and I5 compare what was accepted with what was persisted, so they wait for the end.
 */
final class NotSettled {

    /** The invariants that only hold once everything accepted has reached MySQL. */
    static final List<Invariant> NEED_SETTLED = List.of(Invariant.I3, Invariant.I4, Invariant.I5);

    private NotSettled() {
    }

    /** Why the wait ended unsettled, from what its last read saw, and what to look at. */
    static String why(Settled settled, ConsumerBacklog backlog) {
        if (settled.counts() == null) {
            return "the stores could not be read: " + settled.failure();
        }
        if (settled.counts().outboxBacklog() > 0) {
            return settled.counts().outboxBacklog() + " issuances are still in the Redis outbox: the gateways' relay"
                    + " has not handed them to Kafka. Is Kafka up, and a gateway running ('make status')?";
        }
        if (settled.pending() < 0) {
            return "what the worker has still to persist could not be read: " + settled.failure()
                    + ". Is Kafka up ('make status')?";
        }
        if (settled.failure() != null) {
            return "the stores could not be read at the end of the wait: " + settled.failure();
        }
        if (settled.pending() > 0) {
            return settled.pending() + " issuances are in Kafka (" + backlog.describe() + ") that the worker has not"
                    + " persisted. Is the worker running ('make status')?";
        }
        return "the stores kept changing: the worker was still persisting when the wait ended. Give a longer"
                + " --settle-timeout";
    }

    /** The first sentence of {@code why}: the result line carries the whole of it. */
    private static String summary(String why) {
        int end = why.indexOf(". ");
        return end < 0 ? why : why.substring(0, end);
    }

    /** The verdicts, those that need a settled sale marked as not judged. */
    static Verdicts withheld(Verdicts verdicts, String why) {
        Verdicts withheld = verdicts;
        for (Invariant invariant : NEED_SETTLED) {
            if (verdicts.byInvariant().containsKey(invariant)) {
                withheld = withheld.with(invariant, Verdict.notJudged("not settled, " + summary(why)));
            }
        }
        return withheld;
    }
}
