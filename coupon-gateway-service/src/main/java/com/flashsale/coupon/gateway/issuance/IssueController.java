package com.flashsale.coupon.gateway.issuance;

import com.flashsale.coupon.gateway.web.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IssueController {

    private final CouponIssuer issuer;

    IssueController(CouponIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping("/api/v1/coupons/issue")
    ResponseEntity<ApiResponse<IssuedCoupon>> issue(@Valid @RequestBody IssueRequest request) {
        IssueOutcome outcome = issuer.issue(request.couponCode(), request.memberId());
        if (outcome == IssueOutcome.ISSUED) {
            return ApiResponse.ok(new IssuedCoupon(request.couponCode(), request.memberId(), "Coupon issued."));
        }
        return ApiResponse.failure(outcome.refusal());
    }
}
