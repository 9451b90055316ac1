package com.flashsale.coupon.worker.admin;

import static com.flashsale.coupon.worker.admin.ErrorCode.FORBIDDEN;
import static com.flashsale.coupon.worker.admin.ErrorCode.INTERNAL_ERROR;
import static com.flashsale.coupon.worker.admin.ErrorCode.INVALID_REQUEST;
import static com.flashsale.coupon.worker.admin.ErrorCode.RECONCILIATION_RUNNING;
import static com.flashsale.coupon.worker.admin.ErrorCode.STORE_UNAVAILABLE;
import static com.flashsale.coupon.worker.admin.ErrorCode.UNAUTHENTICATED;

import com.flashsale.coupon.web.ApiResponse;
import com.flashsale.coupon.worker.reconciliation.ReconciliationReport;
import com.flashsale.coupon.worker.reconciliation.ReconciliationRunner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** On-demand reconciliation for operators and drills; answers with what was found and repaired. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "reconciliation")
record ReconciliationController(ReconciliationRunner runner) {

    @PostMapping("/api/v1/admin/reconciliation")
    @Operation(summary = "Reconcile now", description = "Compares the Redis ledger with MySQL for every campaign and "
            + "repairs drift both ways; answers what it found and repaired.")
    @Refusals({ INVALID_REQUEST, RECONCILIATION_RUNNING, STORE_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED, FORBIDDEN })
    ResponseEntity<ApiResponse<ReconciliationReport>> reconcile() {
        return runner.runNow()
                .map(report -> ResponseEntity.ok(ApiResponse.ok(report)))
                .orElseGet(() -> ApiResponse.failure(ErrorCode.RECONCILIATION_RUNNING));
    }
}
