package com.flashsale.coupon.gateway.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.springframework.http.ResponseEntity;

/** The envelope every API answer uses: {@code data} on success, {@code error} otherwise. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, ApiError error, Instant timestamp) {

    public static <T> ResponseEntity<ApiResponse<T>> ok(T data) {
        return ResponseEntity.ok(new ApiResponse<>(true, data, null, Instant.now()));
    }

    public static <T> ResponseEntity<ApiResponse<T>> failure(ErrorCode code) {
        return failure(code, code.message());
    }

    public static <T> ResponseEntity<ApiResponse<T>> failure(ErrorCode code, String message) {
        return ResponseEntity.status(code.status())
                .body(new ApiResponse<>(false, null, new ApiError(code.code(), message), Instant.now()));
    }

    public record ApiError(String code, String message) {
    }
}
