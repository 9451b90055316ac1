package com.flashsale.coupon.kit.api;

/**
 * What the gateway answered one member's issue request. Times are {@link System#nanoTime()}
 * readings of this JVM, so they compare with the moments a test observed anything else.
 *
 * @param gateway index of the gateway replica the request went to (in {@link Services#gateways()})
 * @param status the HTTP status, or {@link #NO_STATUS} when no answer came
 * @param code the envelope's error code; {@code null} on success or when there is no envelope
 * @param detail what went wrong on the client side (a timeout, a refused connection), else {@code null}
 * @param dueAt when the request should have gone out: an open loop's schedule, a burst's release
 * @param sentAt when it actually went out (later than {@code dueAt} when the generator fell behind)
 * @param answeredAt when the answer (or the failure) came back
 */
public record Answer(long memberId, int gateway, Outcome outcome, int status, String code, String detail,
        long dueAt, long sentAt, long answeredAt) {

    public static final int NO_STATUS = 0;

    /** From when the request was due: a generator that fell behind shows its queue here (no coordinated omission). */
    public long latencyNanos() {
        return answeredAt - dueAt;
    }

    /** An HTTP answer came back (whatever it said). */
    public boolean answered() {
        return status != NO_STATUS;
    }

    /**
     * The answer's key in tables and summary files, the same one the k6 scripts use: "200",
     * "409 COUPON-003", or "no answer (ConnectException)".
     */
    public String key() {
        if (!answered()) {
            return "no answer (" + (detail == null ? "unknown" : detail.split(":", 2)[0]) + ")";
        }
        return code == null ? Integer.toString(status) : status + " " + code;
    }
}
