package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.check.Verdicts;
import com.flashsale.coupon.kit.load.Percentiles;
import com.flashsale.coupon.kit.settle.Settled;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Prints what an operator reads at a glance: aligned tables, and the verdict as the last line. */
final class Report {

    /** What a command that ends with {@link #verdicts} exits with, as its {@code --help} says. */
    static final String EXIT_CODES = "Exit code: 0 every invariant holds, 1 one fails, the system did not settle (RESULT:"
            + " NOT SETTLED, with what is not moving) or a step failed, 2 a wrong command line.";

    private final PrintWriter out;

    Report(PrintWriter out) {
        this.out = out;
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    void answers(Map<String, Long> counts) {
        int width = Math.max(24, counts.keySet().stream().mapToInt(String::length).max().orElse(0));
        out.printf(Locale.ROOT, "  %-" + width + "s %7s%n", "answer", "count");
        counts.forEach((key, count) -> out.printf(Locale.ROOT, "  %-" + width + "s %7d%n", key, count));
        out.flush();
    }

    void latency(Percentiles latency) {
        line(String.format(Locale.ROOT, "  latency  p50 %.1f ms   p99 %.1f ms   max %.1f ms", latency.p50(), latency.p99(),
                latency.max()));
    }

    void settled(SaleSteps.Settlement settlement) {
        Settled settled = settlement.settled();
        line(settled.settled()
                ? String.format(Locale.ROOT, "  settled after %.1f s", settled.waited().toMillis() / 1000.0)
                : String.format(Locale.ROOT, "  NOT settled within %d s: %s", settled.timeout().toSeconds(),
                        settlement.why()));
    }

    /**
     * The verdicts, then the result line; true when the run passed. A sale that has not settled is not
     * judged on what needs it settled: its result says so and why, and names only what failed anyway.
     */
    boolean verdicts(String title, Verdicts verdicts, SaleSteps.Settlement settlement) {
        Verdicts shown = settlement.judged(verdicts);
        line(title);
        shown.lines().forEach(l -> line("  " + l));
        boolean passed = settlement.done() && shown.noneFailed();
        if (passed) {
            line("RESULT: PASS (" + shown.byInvariant().size() + " invariants checked, none failed)");
        } else if (settlement.done()) {
            line("RESULT: FAIL (failed: " + shown.failed() + ")");
        } else {
            line("RESULT: NOT SETTLED (the system did not settle: " + settlement.why() + "; " + NotSettled.NEED_SETTLED
                    + " not judged" + (shown.failed().isEmpty() ? "" : "; failed: " + shown.failed()) + ")");
        }
        return passed;
    }
}
