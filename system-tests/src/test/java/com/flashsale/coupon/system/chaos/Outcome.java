package com.flashsale.coupon.system.chaos;

/**
 * How one issue request ended, as the client saw it. Only a documented answer counts as a decision;
 * a request that was sent and then lost its answer (timeout, connection cut, unexpected 5xx) is
 * {@link #UNKNOWN}: the gateway may or may not have issued, so it must not be counted as "failed".
 */
enum Outcome {
    /** 200. */
    ISSUED,
    /** 409 COUPON-002: the member already holds one. */
    DUPLICATE,
    /** 409 COUPON-003. */
    SOLD_OUT,
    /** Any other 4xx: a refusal that says nothing about stock. */
    REFUSED,
    /** 503 COMMON-002: Redis was unreachable; if it failed mid-request the issuance may have happened. */
    UNAVAILABLE,
    /** The connection was refused or never established: nothing was sent, nothing can have happened. */
    NOT_CONNECTED,
    /** Sent, but no documented answer came back. */
    UNKNOWN;

    /** Answers that reflect the ledger's state: the member asked and the sale answered. */
    boolean decided() {
        return this == ISSUED || this == DUPLICATE || this == SOLD_OUT;
    }
}
