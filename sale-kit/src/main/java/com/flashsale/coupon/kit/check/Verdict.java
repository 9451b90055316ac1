package com.flashsale.coupon.kit.check;

/** One invariant's verdict, with the evidence it was reached on. */
public record Verdict(Status status, String evidence) {

    public enum Status {
        PASS,
        FAIL,
        /** The facts cannot show it either way (e.g. fewer members asked than there were coupons, for I4). */
        NOT_JUDGED
    }

    public static Verdict pass(String evidence) {
        return new Verdict(Status.PASS, evidence);
    }

    public static Verdict fail(String evidence) {
        return new Verdict(Status.FAIL, evidence);
    }

    public static Verdict notJudged(String evidence) {
        return new Verdict(Status.NOT_JUDGED, evidence);
    }

    public static Verdict of(boolean holds, String evidence) {
        return holds ? pass(evidence) : fail(evidence);
    }

    /** "pass", "FAIL" or "n/a": short enough for a table cell. */
    public String label() {
        return switch (status) {
            case PASS -> "pass";
            case FAIL -> "FAIL";
            case NOT_JUDGED -> "n/a";
        };
    }
}
