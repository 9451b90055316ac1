package com.flashsale.coupon.worker.provisioning;

/** One campaign as the ledger holds it after provisioning. */
public record ProvisionedCampaign(String couponCode, int quantity, String status, long stock) {
}
