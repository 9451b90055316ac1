package com.flashsale.coupon.worker.admin;

import jakarta.validation.constraints.NotNull;

record MemberStatusChange(@NotNull MemberStatus status) {
}
