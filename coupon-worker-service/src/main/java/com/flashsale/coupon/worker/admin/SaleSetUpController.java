package com.flashsale.coupon.worker.admin;

import static com.flashsale.coupon.worker.admin.CampaignRequests.CODE;
import static com.flashsale.coupon.worker.admin.CampaignRequests.CODE_MESSAGE;
import static com.flashsale.coupon.worker.admin.ErrorCode.CAMPAIGN_ENDED;
import static com.flashsale.coupon.worker.admin.ErrorCode.COUPON_NOT_FOUND;
import static com.flashsale.coupon.worker.admin.ErrorCode.FORBIDDEN;
import static com.flashsale.coupon.worker.admin.ErrorCode.INTERNAL_ERROR;
import static com.flashsale.coupon.worker.admin.ErrorCode.INVALID_REQUEST;
import static com.flashsale.coupon.worker.admin.ErrorCode.QUANTITY_BELOW_ISSUED;
import static com.flashsale.coupon.worker.admin.ErrorCode.STORE_UNAVAILABLE;
import static com.flashsale.coupon.worker.admin.ErrorCode.UNAUTHENTICATED;

import com.flashsale.coupon.web.ApiResponse;
import com.flashsale.coupon.worker.campaign.CampaignAdministration;
import com.flashsale.coupon.worker.provisioning.ProvisionedCampaign;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A sale set up for load tests, benchmarks and drills, on the seed's paths: the sale reset to full stock,
 * and a campaign's quantity set, never below what was issued. Absent in {@code prod}, whatever the token.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Profile("!prod")
@Tag(name = "sale set-up")
record SaleSetUpController(CampaignAdministration campaigns, SaleReset sale) {

    @PostMapping("/api/v1/coupons/stock/init")
    @Operation(summary = "Set a campaign's quantity for a test run", description = """
            Sets the quantity as PUT /api/v1/admin/campaigns/{code}/quantity does, audited as a stock init, and \
            provisions the campaign: the stock shifts by the change, and what was sold stays sold. Never below what \
            was issued (409 CAMPAIGN-004, nothing changed): a run that needs fewer coupons resets the sale first \
            (POST /api/test/reset), then sets the quantity.""")
    @Refusals({ INVALID_REQUEST, COUPON_NOT_FOUND, CAMPAIGN_ENDED, QUANTITY_BELOW_ISSUED, STORE_UNAVAILABLE,
            INTERNAL_ERROR, UNAUTHENTICATED, FORBIDDEN })
    ApiResponse<ProvisionedCampaign> initStock(
            // The shape of every code, as on the campaign paths: MySQL would take "FLASH100 " for FLASH100.
            @Parameter(example = "FLASH100") @RequestParam @Pattern(regexp = CODE, message = CODE_MESSAGE)
            String couponCode,
            @Parameter(example = "100") @RequestParam @Min(1) @Max(CampaignRequests.MAX_QUANTITY) int quantity,
            Principal principal) {
        return ApiResponse.ok(campaigns.initStock(couponCode, quantity, Operators.name(principal)));
    }

    @PostMapping("/api/test/reset")
    @Operation(summary = "Reset the sale", description = "Deletes every coupon_issues and failed_coupon_issues row and "
            + "rebuilds the Redis ledger (stock = quantity). Campaigns, members and the audit trail stay.")
    @Refusals({ INVALID_REQUEST, STORE_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED, FORBIDDEN })
    ApiResponse<ResetReport> reset() {
        return ApiResponse.ok(sale.reset());
    }
}
