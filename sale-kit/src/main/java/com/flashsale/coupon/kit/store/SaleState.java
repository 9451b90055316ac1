package com.flashsale.coupon.kit.store;

import java.util.Map;
import java.util.Set;

/**
 * One coupon member by member, as the invariant checks need it, read once the sale has settled.
 *
 * @param redisIssued the ledger's issued set: member id to acceptance time (epoch ms)
 * @param holders members with a {@code coupon_issues} row of the coupon
 * @param failures members with a {@code failed_coupon_issues} row of the coupon, and its reason
 * @param duplicateHolders members holding more than one row (the unique key should make it impossible)
 */
public record SaleState(String couponCode, StoreCounts counts, Map<Long, Long> redisIssued, Set<Long> holders,
        Map<Long, String> failures, long duplicateHolders) {

    public SaleState {
        redisIssued = Map.copyOf(redisIssued);
        holders = Set.copyOf(holders);
        failures = Map.copyOf(failures);
    }
}
