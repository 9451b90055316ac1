package com.flashsale.coupon.worker.campaign;

/** A change the campaign does not allow, thrown before anything is written. */
public class CampaignRefusal extends RuntimeException {

    /** Why; the operator API answers each with a code of its own. */
    public enum Reason {
        CODE_TAKEN, ENDED, SALE_STARTED, BELOW_ISSUED, STALE_VERSION, INVALID_WINDOW
    }

    private final Reason reason;

    public CampaignRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public static CampaignRefusal staleVersion(String code, long current, long expected) {
        return new CampaignRefusal(Reason.STALE_VERSION, "campaign " + code + " is at version " + current
                + ", not " + expected + ": someone changed it meanwhile; read it again and decide anew");
    }

    static CampaignRefusal changedMeanwhile(String code) {
        return new CampaignRefusal(Reason.STALE_VERSION,
                "campaign " + code + " was changed by someone else meanwhile: read it again and decide anew");
    }

    public Reason reason() {
        return reason;
    }
}
