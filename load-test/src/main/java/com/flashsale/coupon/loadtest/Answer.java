package com.flashsale.coupon.loadtest;

/**
 * What the gateway answered one member. {@code status} is -1 when no answer came at all (connection
 * refused, timeout); {@code code} is then the exception's name, otherwise the envelope's error code
 * or {@code null} on success.
 */
record Answer(long memberId, int status, String code, long latencyNanos) {

    static final int NO_ANSWER = -1;

    /** The outcome's key in the tables and the summary file: "200", "409 COUPON-003", "no answer (ConnectException)". */
    String outcome() {
        if (status == NO_ANSWER) {
            return "no answer (" + code + ")";
        }
        return code == null ? Integer.toString(status) : status + " " + code;
    }

    boolean issued() {
        return status == 200;
    }
}
