package com.flashsale.coupon.cli.bench;

import java.util.Locale;

/**
 * One target with what this run measured. {@link Status#NOT_JUDGED} when the run could not set up the
 * condition the target is stated under (the machine busier than the target allows), or a row is missing.
 */
record Target(String what, String goal, double measured, String unit, Status status, String remark) {

    enum Status {
        MET,
        NOT_MET,
        NOT_JUDGED
    }

    static Target atLeast(String what, double measured, double goal, String unit) {
        return new Target(what, "≥ " + number(goal) + unit, measured, unit,
                measured >= goal ? Status.MET : Status.NOT_MET, "");
    }

    static Target atMost(String what, double measured, double goal, String unit) {
        return new Target(what, "≤ " + number(goal) + unit, measured, unit,
                measured <= goal ? Status.MET : Status.NOT_MET, "");
    }

    /** The same target, with a word on how it was measured. */
    Target remark(String remark) {
        return new Target(what, goal, measured, unit, status, remark);
    }

    Target notJudged(String why) {
        return new Target(what, goal, measured, unit, Status.NOT_JUDGED, why);
    }

    boolean met() {
        return status == Status.MET;
    }

    String measuredText() {
        return number(measured) + unit;
    }

    /** "yes", "**no**" or "not judged": for the tables. */
    String verdict() {
        return switch (status) {
            case MET -> "yes";
            case NOT_MET -> "no";
            case NOT_JUDGED -> "not judged";
        };
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
