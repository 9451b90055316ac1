package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.worker.reconciliation.ReconciliationReport;
import com.flashsale.coupon.worker.reconciliation.ReconciliationRunner;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** On-demand reconciliation for operators and drills; answers with what was found and repaired. */
@RestController
class ReconciliationController {

    private final ReconciliationRunner runner;

    ReconciliationController(ReconciliationRunner runner) {
        this.runner = runner;
    }

    @PostMapping("/api/v1/admin/reconciliation")
    ResponseEntity<ApiResponse<ReconciliationReport>> reconcile() {
        return runner.runNow()
                .map(report -> ResponseEntity.ok(ApiResponse.ok(report)))
                .orElseGet(() -> ApiResponse.failure(ErrorCode.RECONCILIATION_RUNNING));
    }
}
