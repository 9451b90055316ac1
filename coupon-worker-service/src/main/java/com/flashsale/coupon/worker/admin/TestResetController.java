package com.flashsale.coupon.worker.admin;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Profile("!prod")
class TestResetController {

    private final TestDataReset reset;

    TestResetController(TestDataReset reset) {
        this.reset = reset;
    }

    @PostMapping("/api/test/reset")
    ApiResponse<ResetReport> reset() {
        return ApiResponse.ok(reset.reset());
    }
}
