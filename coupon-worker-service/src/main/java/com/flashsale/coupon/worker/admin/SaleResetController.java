package com.flashsale.coupon.worker.admin;

import static com.flashsale.coupon.worker.admin.ErrorCode.FORBIDDEN;
import static com.flashsale.coupon.worker.admin.ErrorCode.STORE_UNAVAILABLE;
import static com.flashsale.coupon.worker.admin.ErrorCode.UNAUTHENTICATED;

import com.flashsale.coupon.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The sale reset for load tests and drills; the path is the seed's. Absent in {@code prod}, whatever the token. */
@RestController
@Profile("!prod")
@Tag(name = "sale set-up")
class SaleResetController {

    private final SaleReset reset;

    SaleResetController(SaleReset reset) {
        this.reset = reset;
    }

    @PostMapping("/api/test/reset")
    @Operation(summary = "Reset the sale", description = "Deletes every coupon_issues and failed_coupon_issues row and "
            + "rebuilds the Redis ledger (stock = quantity). Campaigns, members and the audit trail stay.")
    @Refusals({ STORE_UNAVAILABLE, UNAUTHENTICATED, FORBIDDEN })
    ApiResponse<ResetReport> reset() {
        return ApiResponse.ok(reset.reset());
    }
}
