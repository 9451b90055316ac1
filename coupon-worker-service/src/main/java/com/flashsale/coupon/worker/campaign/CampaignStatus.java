package com.flashsale.coupon.worker.campaign;

/**
 * What an operator sets; the gateway sells only while a campaign is {@code ACTIVE} and inside its time
 * window. {@code ENDED} is final.
 */
public enum CampaignStatus {
    ACTIVE, PAUSED, ENDED
}
