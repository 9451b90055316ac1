package com.flashsale.coupon.web;

import org.springframework.http.HttpStatus;

/** One refusal as clients see it: the HTTP status, the code they match on and the default message. */
public record ApiError(HttpStatus status, String code, String message) {

    // The refusals both APIs give for the same case: one code and one wording, whichever API answers.
    public static final ApiError INTERNAL_ERROR =
            new ApiError(HttpStatus.INTERNAL_SERVER_ERROR, "COMMON-500", "Unexpected error.");
    public static final ApiError MEMBER_NOT_FOUND =
            new ApiError(HttpStatus.NOT_FOUND, "MEMBER-001", "The member does not exist.");
    public static final ApiError COUPON_NOT_FOUND =
            new ApiError(HttpStatus.NOT_FOUND, "COUPON-001", "The coupon does not exist.");
    public static final ApiError UNAUTHENTICATED = new ApiError(HttpStatus.UNAUTHORIZED, "AUTH-001",
            "A valid bearer token is required: send Authorization: Bearer <token>.");
}
