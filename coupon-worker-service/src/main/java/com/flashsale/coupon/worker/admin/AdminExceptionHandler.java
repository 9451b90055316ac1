package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.worker.campaign.CampaignRefusal;
import com.flashsale.coupon.worker.campaign.LedgerNotUpdatedException;
import com.flashsale.coupon.worker.campaign.UnknownCampaignException;
import com.flashsale.coupon.worker.deadletter.UnknownFailedIssuanceException;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure to the envelope and an error code. Framework refusals (wrong method, media type,
 * unreadable body, ...) keep their HTTP status and get {@code COMMON-001}; they are answered before a
 * handler is chosen, so this advice covers every controller rather than one package.
 */
@RestControllerAdvice
class AdminExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(AdminExceptionHandler.class);

    @ExceptionHandler(UnknownCampaignException.class)
    ResponseEntity<ApiResponse<Void>> unknownCampaign(UnknownCampaignException e) {
        return ApiResponse.failure(ErrorCode.COUPON_NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(UnknownMemberException.class)
    ResponseEntity<ApiResponse<Void>> unknownMember(UnknownMemberException e) {
        return ApiResponse.failure(ErrorCode.MEMBER_NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(UnknownFailedIssuanceException.class)
    ResponseEntity<ApiResponse<Void>> unknownFailedIssuance(UnknownFailedIssuanceException e) {
        return ApiResponse.failure(ErrorCode.FAILED_ISSUANCE_NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(CampaignRefusal.class)
    ResponseEntity<ApiResponse<Void>> campaignRefused(CampaignRefusal e) {
        ErrorCode code = switch (e.reason()) {
            case CODE_TAKEN -> ErrorCode.CAMPAIGN_CODE_TAKEN;
            case ENDED -> ErrorCode.CAMPAIGN_ENDED;
            case SALE_STARTED -> ErrorCode.CAMPAIGN_STARTED;
            case BELOW_ISSUED -> ErrorCode.QUANTITY_BELOW_ISSUED;
            case STALE_VERSION -> ErrorCode.STALE_VERSION;
            case INVALID_WINDOW -> ErrorCode.INVALID_REQUEST;
        };
        return ApiResponse.failure(code, e.getMessage());
    }

    @ExceptionHandler(LedgerNotUpdatedException.class)
    ResponseEntity<ApiResponse<Void>> ledgerNotUpdated(LedgerNotUpdatedException e) {
        log.warn(e.getMessage());
        return ApiResponse.failure(ErrorCode.STORE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(InvalidVersionException.class)
    ResponseEntity<ApiResponse<Void>> invalidVersion(InvalidVersionException e) {
        return badRequest(e.getMessage());
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

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ApiResponse.failure(ErrorCode.INTERNAL_ERROR);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldError field = e.getBindingResult().getFieldError();
        return envelope(status, field == null ? "invalid request body" : field.getField() + " " + field.getDefaultMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String message = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + " " + error.getDefaultMessage()))
                .findFirst()
                .orElse("invalid request parameter");
        return envelope(status, message);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return envelope(status, "malformed or missing request body, or a value out of its allowed set");
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return envelope(status, e.getParameterName() + " is required");
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return envelope(status, e.getPropertyName() + " has an invalid value '" + e.getValue() + "'");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return envelope(status, e.getMessage());
    }

    private static ResponseEntity<ApiResponse<Void>> badRequest(String message) {
        return ApiResponse.failure(ErrorCode.INVALID_REQUEST, message);
    }

    private static ResponseEntity<Object> envelope(HttpStatusCode status, String message) {
        ErrorCode code = status.is4xxClientError() ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL_ERROR;
        return ResponseEntity.status(status).body(new ApiResponse<Void>(false, null,
                new ApiResponse.Error(code.code(), message == null ? code.message() : message), Instant.now()));
    }
}
