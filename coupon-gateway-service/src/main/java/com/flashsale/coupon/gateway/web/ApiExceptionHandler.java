package com.flashsale.coupon.gateway.web;

import com.flashsale.coupon.gateway.security.MemberIdentity;
import com.flashsale.coupon.web.ApiResponse;
import com.flashsale.coupon.web.EnvelopeExceptionHandler;
import io.lettuce.core.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The gateway's refusals in the API envelope, besides Spring MVC's ({@link EnvelopeExceptionHandler}:
 * {@code COMMON-001} under their own status): a Redis that cannot be reached is a {@code 503 COMMON-002},
 * because nothing was decided and a retry may succeed; a member other than the token's is refused.
 */
@RestControllerAdvice
class ApiExceptionHandler extends EnvelopeExceptionHandler {

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

    @Override
    protected String unreadableBody() {
        return "The body must be one JSON object with the API's fields, each once, and nothing after it,"
                + " like {\"couponCode\":\"FLASH100\"}.";
    }
}
