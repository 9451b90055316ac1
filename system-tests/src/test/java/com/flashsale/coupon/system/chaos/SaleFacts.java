package com.flashsale.coupon.system.chaos;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the invariant check needs, gathered once the system has settled and been reconciled.
 *
 * @param eligible members that were active in MySQL and Redis for the whole sale
 * @param expectedFailures members the drill made impossible to persist: their success may end as a failure row
 * @param returns when (nano time) each coupon of an expected failure was observed back in stock
 * @param redisIssued the Redis ledger's issued set: member id to acceptance time
 * @param holders members with a {@code coupon_issues} row for the coupon
 * @param failures members with a {@code failed_coupon_issues} row, and its reason
 */
record SaleFacts(int quantity, Set<Long> eligible, Set<Long> expectedFailures, List<Attempt> attempts,
        List<Long> returns, long stock, Map<Long, Long> redisIssued, long backlog, Set<Long> holders,
        Map<Long, String> failures, long duplicateHolders) {
}
