package com.flashsale.coupon.kit.api;

/**
 * How one issue request ended, as the member saw it. Only a documented answer counts as a decision;
 * a request that was sent and then lost its answer (timeout, connection cut, a 5xx other than the
 * documented 503) is {@link #UNKNOWN}: the gateway may or may not have issued, so it must never be
 * counted as "refused". A request that never left ({@link #NOT_CONNECTED}) cannot have done anything.
 */
public enum Outcome {
    /** 200. */
    ISSUED,
    /** 409 COUPON-002: the member already holds one. */
    DUPLICATE,
    /** 409 COUPON-003. */
    SOLD_OUT,
    /** 409 COUPON-004: the campaign has not started, has ended or is paused. */
    NOT_OPEN,
    /** 404 COUPON-001. */
    UNKNOWN_COUPON,
    /** 404 MEMBER-001. */
    UNKNOWN_MEMBER,
    /** 403 MEMBER-002. */
    INACTIVE_MEMBER,
    /** 400 COMMON-001 (and 413 COMMON-003): the request itself is wrong. */
    INVALID,
    /** 401 AUTH-001: no token, or one that does not verify. */
    UNAUTHENTICATED,
    /** 403 AUTH-002: a valid token asking for another member, or lacking the scope. */
    FORBIDDEN,
    /** 429 RATE-001. */
    RATE_LIMITED,
    /** Any other 4xx: a refusal the API does not document. */
    REFUSED,
    /** 503 COMMON-002: no decision could be confirmed in time; a retry is safe (COUPON-002 if it had issued). */
    UNAVAILABLE,
    /** The connection was refused or never established: nothing was sent, nothing can have happened. */
    NOT_CONNECTED,
    /** Sent, but no documented answer came back. */
    UNKNOWN;

    /** The gateway's documented answer for this status and envelope error code ({@code null} when none). */
    public static Outcome of(int status, String code) {
        if (status == 200) {
            return ISSUED;
        }
        if (status == 503) {
            return "COMMON-002".equals(code) ? UNAVAILABLE : UNKNOWN;
        }
        if (status < 400 || status >= 500) {
            // A 500 (or anything undocumented) may have failed before or after the ledger decided.
            return UNKNOWN;
        }
        return switch (code == null ? "" : code) {
            case "COUPON-002" -> DUPLICATE;
            case "COUPON-003" -> SOLD_OUT;
            case "COUPON-004" -> NOT_OPEN;
            case "COUPON-001" -> UNKNOWN_COUPON;
            case "MEMBER-001" -> UNKNOWN_MEMBER;
            case "MEMBER-002" -> INACTIVE_MEMBER;
            case "COMMON-001", "COMMON-003" -> INVALID;
            case "AUTH-001" -> UNAUTHENTICATED;
            case "AUTH-002" -> FORBIDDEN;
            case "RATE-001" -> RATE_LIMITED;
            default -> REFUSED;
        };
    }

    /**
     * The outcome behind a summary key ({@link Answer#key()}: "200", "409 COUPON-003", "no answer (...)").
     * k6 counts every answer it does not name as "other": that is {@link #UNKNOWN} here.
     */
    public static Outcome ofKey(String key) {
        if (key.startsWith("no answer")) {
            return key.contains("ConnectException") ? NOT_CONNECTED : UNKNOWN;
        }
        String[] parts = key.trim().split(" ", 2);
        try {
            return of(Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : null);
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }

    /** Answers that reflect the ledger's state: the member asked and the sale answered. */
    public boolean decided() {
        return this == ISSUED || this == DUPLICATE || this == SOLD_OUT;
    }

    /**
     * Answers that promised nothing either way: a holder told one of these was not misled. A 503 is
     * the API's contract at work (Redis may have run the script after the gateway gave up waiting).
     */
    public boolean promisedNothing() {
        return this == UNKNOWN || this == UNAVAILABLE;
    }
}
