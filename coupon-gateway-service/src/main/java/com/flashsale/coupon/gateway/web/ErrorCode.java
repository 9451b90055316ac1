package com.flashsale.coupon.gateway.web;

import com.flashsale.coupon.web.ApiError;
import com.flashsale.coupon.web.ApiErrorCode;
import org.springframework.http.HttpStatus;

/**
 * Every refusal the public API can give: the HTTP status, the code clients match on (stable across
 * releases: scripts, load tests and dashboards count answers by it) and the default message.
 */
public enum ErrorCode implements ApiErrorCode {
    INVALID_REQUEST(ApiError.INVALID_REQUEST),
    // Redis may have failed after running the script, so "nothing happened" would be a guess; a retry
    // is always safe: the ledger answers COUPON-002 if the first attempt went through.
    LEDGER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "COMMON-002",
            "Coupon issuance is temporarily unavailable. Please try again shortly: a retry never issues a second coupon."),
    PAYLOAD_TOO_LARGE(ApiError.PAYLOAD_TOO_LARGE),
    INTERNAL_ERROR(ApiError.INTERNAL_ERROR),
    MEMBER_NOT_FOUND(ApiError.MEMBER_NOT_FOUND),
    MEMBER_NOT_ACTIVE(HttpStatus.FORBIDDEN, "MEMBER-002", "The member is not active."),
    COUPON_NOT_FOUND(ApiError.COUPON_NOT_FOUND),
    ALREADY_ISSUED(HttpStatus.CONFLICT, "COUPON-002", "This member already received this coupon."),
    SOLD_OUT(HttpStatus.CONFLICT, "COUPON-003", "All coupons are gone."),
    CAMPAIGN_NOT_OPEN(HttpStatus.CONFLICT, "COUPON-004", "The campaign is not open (not started, ended or paused)."),
    UNAUTHENTICATED(ApiError.UNAUTHENTICATED),
    FORBIDDEN(HttpStatus.FORBIDDEN, "AUTH-002", "The token does not allow this request."),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "RATE-001",
            "Too many requests: ask again after the number of seconds in Retry-After.");

    private final ApiError error;

    ErrorCode(HttpStatus status, String code, String message) {
        this(new ApiError(status, code, message));
    }

    ErrorCode(ApiError error) {
        this.error = error;
    }

    @Override
    public ApiError error() {
        return error;
    }
}
