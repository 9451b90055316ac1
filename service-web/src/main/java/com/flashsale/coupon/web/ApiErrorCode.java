package com.flashsale.coupon.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal an API can give: the HTTP status, the code clients match on (stable across releases:
 * scripts, load tests and dashboards count answers by it) and the default message. Each service lists
 * its own in an enum, and names per endpoint the ones it can answer, for its API description.
 */
public interface ApiErrorCode {

    /** The status, code and message, held once per constant. */
    ApiError error();

    default HttpStatus status() {
        return error().status();
    }

    default String code() {
        return error().code();
    }

    default String message() {
        return error().message();
    }
}
