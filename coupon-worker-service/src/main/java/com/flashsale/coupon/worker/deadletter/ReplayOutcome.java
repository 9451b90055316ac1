package com.flashsale.coupon.worker.deadletter;

import java.util.Locale;

/** What replaying one failed issuance did. */
public enum ReplayOutcome {
    /** Persisted: the member holds the coupon in the ledger and in MySQL; the failure is closed as REPLAYED. */
    PERSISTED,
    /** The member holds a coupon of the campaign from another acceptance; closed as SUPERSEDED. */
    ALREADY_HELD,
    /** The member, the campaign or the stock does not allow it yet: nothing changed but the reason. */
    STILL_FAILED,
    /** Closed by an earlier replay: nothing changed. */
    ALREADY_RESOLVED;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
