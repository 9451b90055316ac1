package com.flashsale.coupon.worker.provisioning;

/** What one provisioning pass did; {@code deletedKeys} is non-zero only for a rebuild. */
public record ProvisioningRun(long deletedKeys, int campaigns, int members) {
}
