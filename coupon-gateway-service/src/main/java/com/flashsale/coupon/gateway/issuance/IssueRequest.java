package com.flashsale.coupon.gateway.issuance;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** Body of {@code POST /api/v1/coupons/issue}. The code pattern matches the ledger's key contract. */
record IssueRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1-64 letters, digits, '-' or '_'") String couponCode,
        @NotNull @Positive Long memberId) {
}
