package com.flashsale.coupon.worker.issuance;

/**
 * Where a failed issuance stands. The first two are written when the issuance is given up on; a replay
 * closes it as one of the last two, or leaves it as it was with a new reason.
 */
public enum FailureStatus {
    /** The ledger took the coupon back: the member no longer holds it, the stock got it back. */
    COMPENSATED,
    /** The ledger no longer held this acceptance when it was given up on: nothing was returned. */
    NOT_IN_LEDGER,
    /** A replay persisted it: the member holds the coupon in the ledger and in MySQL. */
    REPLAYED,
    /** The member holds a coupon of the campaign from another acceptance: nothing left to re-drive. */
    SUPERSEDED;

    public boolean open() {
        return this == COMPENSATED || this == NOT_IN_LEDGER;
    }
}
