package com.flashsale.coupon.lab.baseline;

/** What a baseline answered one attempt. */
public enum Answer {
    ISSUED,
    DUPLICATE,
    SOLD_OUT,
    /** Gave up: retries exhausted, lock not obtained in time, or an error. Nothing was issued. */
    FAILED
}
