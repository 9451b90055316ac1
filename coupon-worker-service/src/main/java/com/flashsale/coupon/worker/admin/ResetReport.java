package com.flashsale.coupon.worker.admin;

/** What a sale reset removed and provisioned again. */
record ResetReport(int deletedCouponIssues, int deletedFailedCouponIssues, long deletedLedgerKeys,
        int provisionedCampaigns, int provisionedMembers) {
}
