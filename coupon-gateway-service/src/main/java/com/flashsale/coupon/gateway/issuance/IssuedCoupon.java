package com.flashsale.coupon.gateway.issuance;

/** What a member gets back on success. */
record IssuedCoupon(String couponCode, long memberId, String message) {
}
