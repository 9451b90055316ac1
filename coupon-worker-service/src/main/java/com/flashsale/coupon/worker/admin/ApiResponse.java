package com.flashsale.coupon.worker.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** The answer envelope shared with the gateway: {@code data} on success, {@code error} otherwise. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiResponse<T>(boolean success, T data, Error error, Instant timestamp) {

    static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null, Instant.now());
    }

    static ApiResponse<Void> failure(String code, String message) {
        return new ApiResponse<>(false, null, new Error(code, message), Instant.now());
    }

    record Error(String code, String message) {
    }
}
