package com.flashsale.coupon.gateway.issuance;

import static com.flashsale.coupon.gateway.web.ErrorCode.COUPON_NOT_FOUND;
import static com.flashsale.coupon.gateway.web.ErrorCode.FORBIDDEN;
import static com.flashsale.coupon.gateway.web.ErrorCode.INTERNAL_ERROR;
import static com.flashsale.coupon.gateway.web.ErrorCode.INVALID_REQUEST;
import static com.flashsale.coupon.gateway.web.ErrorCode.LEDGER_UNAVAILABLE;
import static com.flashsale.coupon.gateway.web.ErrorCode.RATE_LIMITED;
import static com.flashsale.coupon.gateway.web.ErrorCode.UNAUTHENTICATED;

import com.flashsale.coupon.gateway.security.MemberIdentity;
import com.flashsale.coupon.gateway.web.ErrorCode;
import com.flashsale.coupon.gateway.web.Refusals;
import com.flashsale.coupon.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's own issuance, from the ledger: what a member told 503 (outcome unknown) asks instead of
 * asking for the coupon again. With tokens only the token's member can be asked about.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "issuance")
record IssuanceController(IssuedLedger ledger, MemberIdentity identity) {

    @GetMapping("/api/v1/coupons/{couponCode}/issuance")
    @Operation(summary = "Whether the token's member holds the coupon, and since when", description = """
            Read from the ledger: what a member told 503 (outcome unknown) asks instead of asking for the coupon \
            again. memberId is only needed under the local profile; with a token it may be left out and must \
            otherwise be the token's member.""", security = @SecurityRequirement(name = "member"))
    @Refusals({ INVALID_REQUEST, COUPON_NOT_FOUND, LEDGER_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED, FORBIDDEN,
            RATE_LIMITED })
    ResponseEntity<ApiResponse<Issuance>> issuance(
            @Parameter(example = "FLASH100") @PathVariable
            @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1-64 letters, digits, '-' or '_'") String couponCode,
            @Parameter(example = "1") @RequestParam(required = false) @Positive Long memberId) {
        long member = identity.of(memberId);
        IssuedLedger.Holding holding = ledger.holding(couponCode, member);
        // One member's own state, which changes with the next issuance: the member chain's headers
        // tell every cache not to keep it, as they do for every member answer (security/SecurityConfig).
        return switch (holding) {
            case IssuedLedger.Holding.UnknownCoupon unknown -> ApiResponse.failure(ErrorCode.COUPON_NOT_FOUND);
            case IssuedLedger.Holding.NotIssued notIssued -> ResponseEntity.ok(ApiResponse.ok(new Issuance(couponCode, member, false, null)));
            case IssuedLedger.Holding.Issued issued -> ResponseEntity.ok(ApiResponse.ok(new Issuance(couponCode, member, true, issued.at())));
        };
    }

    /** {@code issuedAt}: when the ledger accepted the issuance; absent while the member holds none. */
    record Issuance(@Schema(example = "FLASH100") String couponCode, @Schema(example = "1") long memberId,
            @Schema(example = "true") boolean issued, Instant issuedAt) {
    }
}
