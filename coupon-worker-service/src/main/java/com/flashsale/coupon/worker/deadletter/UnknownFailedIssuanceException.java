package com.flashsale.coupon.worker.deadletter;

public class UnknownFailedIssuanceException extends RuntimeException {

    public UnknownFailedIssuanceException(String couponCode, long id) {
        super("campaign " + couponCode + " has no failed issuance " + id);
    }
}
