package com.flashsale.coupon.worker.admin;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The sale reset for load tests and drills; the path is the seed's. Absent in {@code prod}, whatever the token. */
@RestController
@Profile("!prod")
class SaleResetController {

    private final SaleReset reset;

    SaleResetController(SaleReset reset) {
        this.reset = reset;
    }

    @PostMapping("/api/test/reset")
    ApiResponse<ResetReport> reset() {
        return ApiResponse.ok(reset.reset());
    }
}
