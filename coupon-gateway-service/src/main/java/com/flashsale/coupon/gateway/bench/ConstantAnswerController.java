package com.flashsale.coupon.gateway.bench;

import static com.flashsale.coupon.gateway.web.ErrorCode.FORBIDDEN;
import static com.flashsale.coupon.gateway.web.ErrorCode.INVALID_REQUEST;
import static com.flashsale.coupon.gateway.web.ErrorCode.PAYLOAD_TOO_LARGE;
import static com.flashsale.coupon.gateway.web.ErrorCode.RATE_LIMITED;
import static com.flashsale.coupon.gateway.web.ErrorCode.UNAUTHENTICATED;

import com.flashsale.coupon.gateway.security.MemberIdentity;
import com.flashsale.coupon.gateway.web.Refusals;
import com.flashsale.coupon.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's HTTP floor: the issue endpoint without the decision. It goes through the same
 * security chain and rate limits, reads and validates the same body, resolves the member the same
 * way and writes the same success envelope, so the gap between this endpoint and
 * {@code /api/v1/coupons/issue} under the same load is what the ledger (Redis round trips, script,
 * outbox) costs. Exists only under the {@code bench} profile: never part of a real deployment.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Profile("bench")
@Tag(name = "benchmark")
record ConstantAnswerController(MemberIdentity identity) {

    static final String PATH = "/bench/constant";

    @PostMapping(PATH)
    @Operation(summary = "The issue endpoint without the decision (bench profile only)",
            description = "Reads and validates the issue request's body, answers a constant success.",
            security = @SecurityRequirement(name = "member"))
    @Refusals({ INVALID_REQUEST, PAYLOAD_TOO_LARGE, UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED })
    ResponseEntity<ApiResponse<ConstantAnswer>> answer(@Valid @RequestBody BenchRequest request) {
        return ResponseEntity.ok(ApiResponse.ok(new ConstantAnswer("BENCH", identity.of(request.memberId()), "Coupon issued.")));
    }

    /** Same shape and constraints as the issue request. */
    record BenchRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String couponCode, @Positive Long memberId) {
    }

    /** Same shape as the issue endpoint's success data. */
    record ConstantAnswer(String couponCode, long memberId, String message) {
    }
}
