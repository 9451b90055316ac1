package com.flashsale.coupon.kit.store;

/** A store could not be read: unreachable, or not holding what the sale needs (an unknown coupon). */
public class StoreException extends RuntimeException {

    StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
