package com.flashsale.coupon.worker.admin;

record MemberStatusChanged(long memberId, MemberStatus status) {
}
