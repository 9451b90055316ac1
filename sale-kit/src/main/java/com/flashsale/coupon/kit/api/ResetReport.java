package com.flashsale.coupon.kit.api;

/** What the worker's reset removed (issue and failure rows, ledger keys) and provisioned again. */
public record ResetReport(long deletedCouponIssues, long deletedFailedCouponIssues, long deletedLedgerKeys,
        long provisionedCampaigns, long provisionedMembers) {
}
