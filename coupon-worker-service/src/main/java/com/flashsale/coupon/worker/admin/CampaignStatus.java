package com.flashsale.coupon.worker.admin;

/** What an operator may set; the time window is checked separately by the gateway. */
enum CampaignStatus {
    ACTIVE, PAUSED, ENDED
}
