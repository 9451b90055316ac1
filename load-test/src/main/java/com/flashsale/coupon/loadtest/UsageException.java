package com.flashsale.coupon.loadtest;

/** The command line cannot be run as given: wrong arguments or a refused target. Exit code 2. */
class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
