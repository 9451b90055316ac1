package com.flashsale.coupon.worker.admin;

class UnknownCouponException extends RuntimeException {

    UnknownCouponException(String couponCode) {
        super("no coupon with code '" + couponCode + "'");
    }
}
