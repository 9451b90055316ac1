package com.flashsale.coupon.worker.admin;

import org.springframework.http.HttpStatus;

/**
 * Every refusal the worker's operator endpoints can give: the HTTP status, the code (the public
 * API's codes where the case is the same one) and the default message.
 */
enum ErrorCode {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "COMMON-001", "The request is malformed or a value is missing or invalid."),
    STORE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "COMMON-002", "a data store is unavailable, try again"),
    RECONCILIATION_RUNNING(HttpStatus.CONFLICT, "COMMON-004",
            "Another worker replica is reconciling right now; try again when it has finished."),
    MEMBER_NOT_FOUND(HttpStatus.NOT_FOUND, "MEMBER-001", "The member does not exist."),
    COUPON_NOT_FOUND(HttpStatus.NOT_FOUND, "COUPON-001", "The coupon does not exist."),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "AUTH-001",
            "A valid bearer token is required: send Authorization: Bearer <token>."),
    FORBIDDEN(HttpStatus.FORBIDDEN, "AUTH-002", "This request needs a token with scope coupon:admin.");

    private final HttpStatus status;
    private final String code;
    private final String message;

    ErrorCode(HttpStatus status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    String message() {
        return message;
    }
}
