package com.flashsale.coupon.loadtest;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints aligned tables an operator can read at a glance; the last line is the verdict. */
final class Report {

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void line(String text) {
        out.println(text);
    }

    void outcomes(Outcomes outcomes) {
        int width = Math.max(24, outcomes.counts().keySet().stream().mapToInt(String::length).max().orElse(0));
        out.printf(Locale.ROOT, "  %-" + width + "s %7s%n", "answer", "count");
        outcomes.counts().forEach((outcome, count) -> out.printf(Locale.ROOT, "  %-" + width + "s %7d%n", outcome, count));
    }

    void latency(Latency latency) {
        out.printf(Locale.ROOT, "  latency  p50 %.1f ms   p99 %.1f ms   max %.1f ms%n", latency.p50(), latency.p99(), latency.max());
    }

    void checks(String title, List<Check> checks) {
        int what = Math.max(5, checks.stream().mapToInt(c -> c.what().length()).max().orElse(0));
        int expected = Math.max(8, checks.stream().mapToInt(c -> c.expected().length()).max().orElse(0));
        int actual = Math.max(6, checks.stream().mapToInt(c -> c.actual().length()).max().orElse(0));
        String row = "  %-" + what + "s  %" + expected + "s  %" + actual + "s  %s%n";
        out.println(title);
        out.printf(Locale.ROOT, row, "check", "expected", "actual", "");
        checks.forEach(c -> out.printf(Locale.ROOT, row, c.what(), c.expected(), c.actual(), c.ok() ? "ok" : "FAIL"));
    }

    boolean verdict(List<Check> checks) {
        long failed = checks.stream().filter(c -> !c.ok()).count();
        out.println(failed == 0 ? "RESULT: PASS (" + checks.size() + " checks)"
                : "RESULT: FAIL (" + failed + " of " + checks.size() + " checks failed)");
        return failed == 0;
    }
}
