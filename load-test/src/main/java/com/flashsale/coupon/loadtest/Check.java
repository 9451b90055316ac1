package com.flashsale.coupon.loadtest;

/** One line of a verdict: what was checked, what it should be, what it is. */
record Check(String what, String expected, String actual, boolean ok) {

    static Check equal(String what, long expected, long actual) {
        return new Check(what, Long.toString(expected), Long.toString(actual), expected == actual);
    }
}
