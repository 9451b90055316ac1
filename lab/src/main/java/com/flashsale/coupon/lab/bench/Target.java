package com.flashsale.coupon.lab.bench;

import java.util.Locale;

/** One of the targets, with what this run measured. */
record Target(String what, String goal, double measured, String unit, boolean met) {

    static Target atLeast(String what, double measured, double goal, String unit) {
        return new Target(what, "≥ " + number(goal) + unit, measured, unit, measured >= goal);
    }

    static Target atMost(String what, double measured, double goal, String unit) {
        return new Target(what, "≤ " + number(goal) + unit, measured, unit, measured <= goal);
    }

    String measuredText() {
        return number(measured) + unit;
    }

    static String number(double value) {
        if (value >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
