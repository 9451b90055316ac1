package com.flashsale.coupon.kit.check;

import com.flashsale.coupon.kit.api.Caller;

/** A request no well-behaved client sends, sent as it is to the first gateway (see {@link BadInputTrial#run}). */
public record BadRequest(String description, Caller caller, String method, String path, String body) {

    /** A public issue request of this member with this body, whatever it holds. */
    public static BadRequest issue(String description, long memberId, String body) {
        return new BadRequest(description, Caller.member(memberId), "POST", "/api/v1/coupons/issue", body);
    }
}
