package com.flashsale.coupon.gateway.issuance;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Body of {@code POST /api/v1/coupons/issue}. The code pattern matches the ledger's key contract.
 * With tokens the member is the token's and {@code memberId} may be left out (if given, it must be
 * the token's member); without them ({@code local}) it names the member.
 */
record IssueRequest(
        @Schema(example = "FLASH100")
        @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1-64 letters, digits, '-' or '_'") String couponCode,
        @Schema(example = "1") @Positive Long memberId) {
}
