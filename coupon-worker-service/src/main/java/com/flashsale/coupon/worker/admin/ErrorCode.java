package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.web.ApiError;
import com.flashsale.coupon.web.ApiErrorCode;
import org.springframework.http.HttpStatus;

/**
 * Every refusal the worker's operator endpoints can give: the HTTP status, the code (the public
 * API's codes where the case is the same one) and the default message. The API description lists,
 * per endpoint, the ones it can answer ({@link Refusals}).
 */
enum ErrorCode implements ApiErrorCode {
    INVALID_REQUEST(ApiError.INVALID_REQUEST),
    STORE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "COMMON-002", "a data store is unavailable, try again"),
    RECONCILIATION_RUNNING(HttpStatus.CONFLICT, "COMMON-004",
            "Another worker replica is reconciling right now; try again when it has finished."),
    PAYLOAD_TOO_LARGE(ApiError.PAYLOAD_TOO_LARGE),
    INTERNAL_ERROR(ApiError.INTERNAL_ERROR),
    MEMBER_NOT_FOUND(ApiError.MEMBER_NOT_FOUND),
    COUPON_NOT_FOUND(ApiError.COUPON_NOT_FOUND),
    CAMPAIGN_CODE_TAKEN(HttpStatus.CONFLICT, "CAMPAIGN-001", "A campaign with this code exists already: codes are never reused."),
    CAMPAIGN_ENDED(HttpStatus.CONFLICT, "CAMPAIGN-002", "The campaign has ended: an ended campaign cannot change."),
    CAMPAIGN_STARTED(HttpStatus.CONFLICT, "CAMPAIGN-003", "The campaign has started selling: its start cannot move."),
    QUANTITY_BELOW_ISSUED(HttpStatus.CONFLICT, "CAMPAIGN-004",
            "The quantity cannot go below the coupons already issued."),
    STALE_VERSION(HttpStatus.PRECONDITION_FAILED, "CAMPAIGN-005",
            "The campaign changed since the version given in If-Match: read it again and decide anew."),
    FAILED_ISSUANCE_NOT_FOUND(HttpStatus.NOT_FOUND, "ISSUANCE-001", "The campaign has no such failed issuance."),
    UNAUTHENTICATED(ApiError.UNAUTHENTICATED),
    FORBIDDEN(HttpStatus.FORBIDDEN, "AUTH-002", "This request needs a token with scope coupon:admin.");

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
