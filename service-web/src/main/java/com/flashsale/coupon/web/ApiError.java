package com.flashsale.coupon.web;

import org.springframework.http.HttpStatus;

/** One refusal as clients see it: the HTTP status, the code they match on and the default message. */
public record ApiError(HttpStatus status, String code, String message) {
}
