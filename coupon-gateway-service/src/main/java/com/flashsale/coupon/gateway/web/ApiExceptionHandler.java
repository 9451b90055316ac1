package com.flashsale.coupon.gateway.web;

import com.flashsale.coupon.gateway.security.MemberIdentity;
import io.lettuce.core.RedisException;
import java.time.Instant;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into the API envelope. Framework refusals (bad JSON, wrong method, wrong
 * media type, ...) keep their HTTP status and get {@code COMMON-001}; a Redis that cannot be
 * reached is a {@code 503 COMMON-002}, because nothing was decided and a retry may succeed.
 *
 * <p>Messages come from the request's fields and Spring's problem details, never from an exception's
 * own message: those name Java types, which are nobody's business outside the service.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RedisException.class)
    ResponseEntity<ApiResponse<Void>> ledgerUnavailable(RedisException e) {
        log.warn("Redis ledger unavailable: {}", e.getMessage());
        return ApiResponse.failure(ErrorCode.LEDGER_UNAVAILABLE);
    }

    @ExceptionHandler(MemberIdentity.ForeignMemberException.class)
    ResponseEntity<ApiResponse<Void>> foreignMember(MemberIdentity.ForeignMemberException e) {
        return ApiResponse.failure(ErrorCode.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(MemberIdentity.MissingMemberException.class)
    ResponseEntity<ApiResponse<Void>> missingMember(MemberIdentity.MissingMemberException e) {
        return ApiResponse.failure(ErrorCode.INVALID_REQUEST, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ApiResponse.failure(ErrorCode.INTERNAL_ERROR);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String message = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return envelope(status, message);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String message = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + ": " + error.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return envelope(status, message);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return envelope(status, "The body must be one JSON object with the API's fields, each once, and nothing after it,"
                + " like {\"couponCode\":\"FLASH100\"}.");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = body instanceof ProblemDetail problem ? problem.getDetail()
                : ex instanceof ErrorResponse response ? response.getBody().getDetail() : null;
        return envelope(status, detail != null ? detail : ErrorCode.INVALID_REQUEST.message());
    }

    private static ResponseEntity<Object> envelope(HttpStatusCode status, String message) {
        ErrorCode code = status.is4xxClientError() ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL_ERROR;
        return ResponseEntity.status(status)
                .body(new ApiResponse<Void>(false, null, new ApiResponse.ApiError(code.code(), message), Instant.now()));
    }
}
