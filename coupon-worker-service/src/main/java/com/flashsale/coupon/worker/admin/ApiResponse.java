package com.flashsale.coupon.worker.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.springframework.http.ResponseEntity;

/** The answer envelope shared with the gateway: {@code data} on success, {@code error} otherwise. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiResponse<T>(boolean success, T data, Error error, Instant timestamp) {

    static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null, Instant.now());
    }

    static <T> ResponseEntity<ApiResponse<T>> failure(ErrorCode code) {
        return failure(code, code.message());
    }

    static <T> ResponseEntity<ApiResponse<T>> failure(ErrorCode code, String message) {
        return ResponseEntity.status(code.status())
                .body(new ApiResponse<>(false, null, new Error(code.code(), message), Instant.now()));
    }

    record Error(String code, String message) {
    }
}
