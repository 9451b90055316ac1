package com.flashsale.coupon.gateway.issuance;

import static com.flashsale.coupon.gateway.web.ErrorCode.ALREADY_ISSUED;
import static com.flashsale.coupon.gateway.web.ErrorCode.CAMPAIGN_NOT_OPEN;
import static com.flashsale.coupon.gateway.web.ErrorCode.COUPON_NOT_FOUND;
import static com.flashsale.coupon.gateway.web.ErrorCode.FORBIDDEN;
import static com.flashsale.coupon.gateway.web.ErrorCode.INTERNAL_ERROR;
import static com.flashsale.coupon.gateway.web.ErrorCode.INVALID_REQUEST;
import static com.flashsale.coupon.gateway.web.ErrorCode.LEDGER_UNAVAILABLE;
import static com.flashsale.coupon.gateway.web.ErrorCode.MEMBER_NOT_ACTIVE;
import static com.flashsale.coupon.gateway.web.ErrorCode.MEMBER_NOT_FOUND;
import static com.flashsale.coupon.gateway.web.ErrorCode.PAYLOAD_TOO_LARGE;
import static com.flashsale.coupon.gateway.web.ErrorCode.RATE_LIMITED;
import static com.flashsale.coupon.gateway.web.ErrorCode.SOLD_OUT;
import static com.flashsale.coupon.gateway.web.ErrorCode.UNAUTHENTICATED;

import com.flashsale.coupon.gateway.security.MemberIdentity;
import com.flashsale.coupon.gateway.web.Refusals;
import com.flashsale.coupon.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "issuance")
record IssueController(CouponIssuer issuer, MemberIdentity identity) {

    @PostMapping("/api/v1/coupons/issue")
    @Operation(summary = "Issue a coupon to a member", description = """
            Decided at once by one atomic step in the Redis ledger: the campaign is open, the member holds none \
            yet, stock is left. A 503 means the outcome is unknown; retrying is always safe: it issues the coupon \
            or answers COUPON-002, never a second one.""", security = @SecurityRequirement(name = "member"))
    @Refusals({ INVALID_REQUEST, PAYLOAD_TOO_LARGE, MEMBER_NOT_FOUND, MEMBER_NOT_ACTIVE, COUPON_NOT_FOUND, ALREADY_ISSUED,
            SOLD_OUT, CAMPAIGN_NOT_OPEN, LEDGER_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED })
    ResponseEntity<ApiResponse<IssuedCoupon>> issue(@Valid @RequestBody IssueRequest request) {
        long member = identity.of(request.memberId());
        IssueOutcome outcome = issuer.issue(request.couponCode(), member);
        if (outcome == IssueOutcome.ISSUED) {
            return ResponseEntity.ok(ApiResponse.ok(new IssuedCoupon(request.couponCode(), member, "Coupon issued.")));
        }
        return ApiResponse.failure(outcome.refusal());
    }
}
