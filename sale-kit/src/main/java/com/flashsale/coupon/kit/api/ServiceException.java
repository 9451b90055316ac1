package com.flashsale.coupon.kit.api;

/**
 * A service could not be reached, or refused an operator call. The message says which and what to
 * do; {@link #status()} is the HTTP status, or 0 when nothing answered.
 */
public class ServiceException extends RuntimeException {

    private final int status;

    ServiceException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
