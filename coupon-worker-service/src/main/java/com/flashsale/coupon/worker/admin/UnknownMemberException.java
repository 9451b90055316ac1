package com.flashsale.coupon.worker.admin;

class UnknownMemberException extends RuntimeException {

    UnknownMemberException(long memberId) {
        super("no member with id " + memberId);
    }
}
