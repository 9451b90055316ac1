package com.flashsale.coupon.loadtest;

/** A step could not be carried out (a service or store unreachable, the reset refused). Exit code 1. */
class LoadTestException extends RuntimeException {

    LoadTestException(String message) {
        super(message);
    }

    LoadTestException(String message, Throwable cause) {
        super(message, cause);
    }
}
