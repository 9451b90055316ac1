package com.flashsale.coupon.worker.campaign;

public class UnknownCampaignException extends RuntimeException {

    public UnknownCampaignException(String code) {
        super("no coupon with code '" + code + "'");
    }
}
