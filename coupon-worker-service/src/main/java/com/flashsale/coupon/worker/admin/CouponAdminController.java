package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.worker.provisioning.ProvisionedCampaign;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CouponAdminController {

    private final CouponAdministration coupons;

    CouponAdminController(CouponAdministration coupons) {
        this.coupons = coupons;
    }

    @PostMapping("/api/v1/coupons/stock/init")
    ApiResponse<ProvisionedCampaign> initStock(@RequestParam @NotBlank String couponCode,
            @RequestParam @Min(1) @Max(10_000_000) int quantity) {
        return ApiResponse.ok(coupons.changeQuantity(couponCode, quantity));
    }

    @PutMapping("/api/v1/admin/campaigns/{couponCode}/status")
    ApiResponse<ProvisionedCampaign> changeStatus(@PathVariable String couponCode,
            @RequestBody @Valid CampaignStatusChange change) {
        return ApiResponse.ok(coupons.changeStatus(couponCode, change.status()));
    }
}
