package com.flashsale.coupon.worker.admin;

enum MemberStatus {
    ACTIVE, INACTIVE
}
