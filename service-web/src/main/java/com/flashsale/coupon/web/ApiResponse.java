package com.flashsale.coupon.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The envelope every answer of both services uses: {@code data} on success, {@code error} otherwise. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, Error error, Instant timestamp) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null, Instant.now());
    }

    public static <T> ResponseEntity<ApiResponse<T>> failure(ApiErrorCode code) {
        return failure(code, code.message());
    }

    public static <T> ResponseEntity<ApiResponse<T>> failure(ApiErrorCode code, String message) {
        return failure(code.status(), code, message);
    }

    /**
     * A refusal under a status of its own: Spring MVC's refusals keep theirs (405, 415, ...). Always
     * JSON, whatever the request's Accept asked for: a client that asked for XML is told why it gets none.
     */
    public static <T> ResponseEntity<ApiResponse<T>> failure(HttpStatusCode status, ApiErrorCode code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(refusal(code, message));
    }

    public static <T> ApiResponse<T> refusal(ApiErrorCode code, String message) {
        return new ApiResponse<>(false, null, new Error(code.code(), message), Instant.now());
    }

    public record Error(String code, String message) {
    }
}
