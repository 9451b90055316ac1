package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.web.ApiResponse;
import com.flashsale.coupon.web.EnvelopeExceptionHandler;
import com.flashsale.coupon.worker.campaign.CampaignRefusal;
import com.flashsale.coupon.worker.campaign.LedgerNotUpdatedException;
import com.flashsale.coupon.worker.campaign.UnknownCampaignException;
import com.flashsale.coupon.worker.deadletter.UnknownFailedIssuanceException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The operator API's refusals in the envelope, besides Spring MVC's ({@link EnvelopeExceptionHandler}:
 * {@code COMMON-001} under their own status): unknown campaigns, members and failed issuances, a
 * campaign's refusals, and a data store that cannot be reached or fails otherwise.
 */
@RestControllerAdvice
class AdminExceptionHandler extends EnvelopeExceptionHandler {

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

    /**
     * "Try again" only when a store could not be reached or timed out ({@link StoreOutages}); a store's
     * other failures would fail the same way on a retry, and are unexpected errors, logged whole.
     */
    @ExceptionHandler({ DataAccessException.class, TransactionException.class })
    ResponseEntity<ApiResponse<Void>> storeFailed(RuntimeException e) {
        if (StoreOutages.isOutage(e)) {
            log.warn("Admin request failed: a data store cannot be reached", e);
            return ApiResponse.failure(ErrorCode.STORE_UNAVAILABLE);
        }
        log.error("Admin request failed on a data store", e);
        return ApiResponse.failure(ErrorCode.INTERNAL_ERROR);
    }

    private static ResponseEntity<ApiResponse<Void>> badRequest(String message) {
        return ApiResponse.failure(ErrorCode.INVALID_REQUEST, message);
    }
}
