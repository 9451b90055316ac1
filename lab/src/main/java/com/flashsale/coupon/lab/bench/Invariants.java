package com.flashsale.coupon.lab.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * I1-I4 of DESIGN.md §5 as checked after one row of the bench: "ok", "FAIL: why", or "n/a" where the
 * row cannot break or show them (a ceiling figure, an empty endpoint).
 */
record Invariants(String i1, String i2, String i3, String i4) {

    static final Invariants NOT_APPLICABLE = new Invariants("n/a", "n/a", "n/a", "n/a");

    static String check(boolean holds, String failure) {
        return holds ? "ok" : "FAIL: " + failure;
    }

    boolean allHold() {
        return List.of(i1, i2, i3, i4).stream().noneMatch(v -> v.startsWith("FAIL"));
    }

    List<String> failures() {
        List<String> failures = new ArrayList<>();
        if (i1.startsWith("FAIL")) {
            failures.add("I1 " + i1);
        }
        if (i2.startsWith("FAIL")) {
            failures.add("I2 " + i2);
        }
        if (i3.startsWith("FAIL")) {
            failures.add("I3 " + i3);
        }
        if (i4.startsWith("FAIL")) {
            failures.add("I4 " + i4);
        }
        return failures;
    }

    /** The cell shown in the table: short, with the failure spelled out in the notes. */
    static String cell(String value) {
        return value.startsWith("FAIL") ? "**FAIL**" : value;
    }
}
