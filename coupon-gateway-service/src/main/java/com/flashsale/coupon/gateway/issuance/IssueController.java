package com.flashsale.coupon.gateway.issuance;

import com.flashsale.coupon.gateway.security.MemberIdentity;
import com.flashsale.coupon.gateway.web.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IssueController {

    private final CouponIssuer issuer;
    private final MemberIdentity identity;

    IssueController(CouponIssuer issuer, MemberIdentity identity) {
        this.issuer = issuer;
        this.identity = identity;
    }

    @PostMapping("/api/v1/coupons/issue")
    ResponseEntity<ApiResponse<IssuedCoupon>> issue(@Valid @RequestBody IssueRequest request) {
        long member = identity.of(request.memberId());
        IssueOutcome outcome = issuer.issue(request.couponCode(), member);
        if (outcome == IssueOutcome.ISSUED) {
            return ApiResponse.ok(new IssuedCoupon(request.couponCode(), member, "Coupon issued."));
        }
        return ApiResponse.failure(outcome.refusal());
    }
}
