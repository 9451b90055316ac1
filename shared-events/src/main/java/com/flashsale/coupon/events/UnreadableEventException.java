package com.flashsale.coupon.events;

/** A payload that is not a valid event of any known schema version. Retrying it cannot help. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnreadableEventException(String message) {
        super(message);
    }
}
