package com.flashsale.coupon.system.chaos;

/** One invariant's verdict for one drill, with what was seen. */
record Verdict(Status status, String detail) {

    enum Status {
        PASS, FAIL,
        /** The drill could not judge it (e.g. too few members asked for I4): reported, and the drill fails. */
        NOT_JUDGED
    }

    static Verdict pass(String detail) {
        return new Verdict(Status.PASS, detail);
    }

    static Verdict fail(String detail) {
        return new Verdict(Status.FAIL, detail);
    }

    static Verdict notJudged(String detail) {
        return new Verdict(Status.NOT_JUDGED, detail);
    }

    static Verdict of(boolean holds, String detail) {
        return holds ? pass(detail) : fail(detail);
    }

    String label() {
        return switch (status) {
            case PASS -> "pass";
            case FAIL -> "FAIL";
            case NOT_JUDGED -> "n/a";
        };
    }
}
