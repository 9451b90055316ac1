package com.flashsale.coupon.gateway.issuance;

import com.flashsale.coupon.gateway.web.ErrorCode;

/** Every way an issue request can end. {@link #ISSUED} is the only one that changed anything. */
enum IssueOutcome {
    ISSUED(null),
    MEMBER_NOT_FOUND(ErrorCode.MEMBER_NOT_FOUND),
    MEMBER_NOT_ACTIVE(ErrorCode.MEMBER_NOT_ACTIVE),
    COUPON_NOT_FOUND(ErrorCode.COUPON_NOT_FOUND),
    CAMPAIGN_NOT_OPEN(ErrorCode.CAMPAIGN_NOT_OPEN),
    ALREADY_ISSUED(ErrorCode.ALREADY_ISSUED),
    SOLD_OUT(ErrorCode.SOLD_OUT);

    private final ErrorCode refusal;

    IssueOutcome(ErrorCode refusal) {
        this.refusal = refusal;
    }

    ErrorCode refusal() {
        return refusal;
    }

    /** Maps the issue script's answer (see {@code scripts/issue.lua}). */
    static IssueOutcome fromScript(long result) {
        if (result >= 0) {
            return ISSUED;
        }
        return switch ((int) result) {
            case -1 -> COUPON_NOT_FOUND;
            case -2 -> CAMPAIGN_NOT_OPEN;
            case -3 -> ALREADY_ISSUED;
            case -4 -> SOLD_OUT;
            default -> throw new IllegalStateException("Unknown issue script result " + result);
        };
    }
}
