package com.flashsale.coupon.worker.admin;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps admin failures to the envelope and the error codes of the public API. */
@RestControllerAdvice(basePackageClasses = AdminExceptionHandler.class)
class AdminExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(AdminExceptionHandler.class);

    @ExceptionHandler(UnknownCouponException.class)
    ResponseEntity<ApiResponse<Void>> unknownCoupon(UnknownCouponException e) {
        return ApiResponse.failure(ErrorCode.COUPON_NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(UnknownMemberException.class)
    ResponseEntity<ApiResponse<Void>> unknownMember(UnknownMemberException e) {
        return ApiResponse.failure(ErrorCode.MEMBER_NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiResponse<Void>> invalidBody(MethodArgumentNotValidException e) {
        FieldError field = e.getBindingResult().getFieldError();
        String message = field == null ? "invalid request body" : field.getField() + " " + field.getDefaultMessage();
        return badRequest(message);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiResponse<Void>> invalidParameter(HandlerMethodValidationException e) {
        String message = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + " "
                                + error.getDefaultMessage()))
                .findFirst()
                .orElse("invalid request parameter");
        return badRequest(message);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiResponse<Void>> unreadableBody(HttpMessageNotReadableException e) {
        return badRequest("malformed or missing request body, or a value out of its allowed set");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiResponse<Void>> missingParameter(MissingServletRequestParameterException e) {
        return badRequest(e.getParameterName() + " is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiResponse<Void>> mistypedParameter(MethodArgumentTypeMismatchException e) {
        return badRequest(e.getName() + " has an invalid value '" + e.getValue() + "'");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiResponse<Void>> constraintViolated(ConstraintViolationException e) {
        return badRequest(e.getMessage());
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ApiResponse<Void>> storeUnavailable(DataAccessException e) {
        log.warn("Admin request failed on a data store", e);
        return ApiResponse.failure(ErrorCode.STORE_UNAVAILABLE);
    }

    private static ResponseEntity<ApiResponse<Void>> badRequest(String message) {
        return ApiResponse.failure(ErrorCode.INVALID_REQUEST, message);
    }
}
