package com.flashsale.coupon.web;

import org.springframework.http.HttpStatus;

/** One refusal as clients see it: the HTTP status, the code they match on and the default message. */
public record ApiError(HttpStatus status, String code, String message) implements ApiErrorCode {

    // The refusals both APIs give for the same case: one code and one wording, whichever API answers.
    public static final ApiError INVALID_REQUEST = new ApiError(HttpStatus.BAD_REQUEST, "COMMON-001",
            "The request is malformed or a value is missing or invalid.");
    public static final ApiError INTERNAL_ERROR =
            new ApiError(HttpStatus.INTERNAL_SERVER_ERROR, "COMMON-500", "Unexpected error.");
    public static final ApiError MEMBER_NOT_FOUND =
            new ApiError(HttpStatus.NOT_FOUND, "MEMBER-001", "The member does not exist.");
    public static final ApiError COUPON_NOT_FOUND =
            new ApiError(HttpStatus.NOT_FOUND, "COUPON-001", "The coupon does not exist.");
    public static final ApiError UNAUTHENTICATED = new ApiError(HttpStatus.UNAUTHORIZED, "AUTH-001",
            "A valid bearer token is required: send Authorization: Bearer <token>.");
    public static final ApiError PAYLOAD_TOO_LARGE =
            new ApiError(HttpStatus.CONTENT_TOO_LARGE, "COMMON-003", "The request body is too large.");
    /** A path no endpoint of the service answers, the error page's own among them. */
    public static final ApiError NO_SUCH_ENDPOINT = new ApiError(HttpStatus.NOT_FOUND, "COMMON-404",
            "No such endpoint: the service's API is described at /v3/api-docs.");
    /** Refused by a filter or the firewall before any handler read it: the message says why. */
    public static final ApiError REFUSED_UNREAD =
            new ApiError(HttpStatus.BAD_REQUEST, "COMMON-001", "The request was refused before it was read.");

    /** A refusal both services give is a code of its own, for filters that answer before either's advice. */
    @Override
    public ApiError error() {
        return this;
    }
}
