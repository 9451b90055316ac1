package com.flashsale.coupon.lab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the results table as Markdown and CSV (the chart is {@link Chart}'s). */
final class Report {

    private Report() {
    }

    static String markdown(RunInfo run, List<ResultRow> rows, List<Target> targets, List<String> notes) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("One `make bench` run: every figure below comes from the same run on the same machine, so the\n")
                .append("ratios are what count; the absolute numbers move with the machine and its neighbours.\n\n");
        md.append("- **When**: ").append(run.startedAt()).append(" (").append(Math.round(run.seconds())).append(" s)\n");
        md.append("- **Machine**: ").append(run.machine().cpu()).append(", ").append(run.machine().cores())
                .append(" cores, ").append(run.machine().memory()).append(", ").append(run.machine().os()).append("\n");
        md.append("- **Java**: ").append(run.machine().java()).append("; **load average** before the run: ")
                .append(run.machine().loadBefore()).append(", after: ").append(run.loadAfter()).append("\n");
        md.append("- **Conditions**: ").append(run.conditions()).append("\n");
        md.append("- **Load generators**: ").append(run.generators()).append("\n\n");

        md.append("| # | Row | Load | Rate (or time) | p50 ms | p99 ms | Issued | Oversell | Duplicates | I1 | I2 | I3 | I4 |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|---|---|---|\n");
        int n = 1;
        for (ResultRow r : rows) {
            md.append("| ").append(n++).append(" | ").append(r.name()).append(" | ").append(r.load()).append(" | ")
                    .append(Target.number(r.throughput())).append(' ').append(r.unit()).append(" | ")
                    .append(millis(r.p50())).append(" | ").append(millis(r.p99())).append(" | ")
                    .append(count(r.issued())).append(" | ").append(count(r.oversell())).append(" | ")
                    .append(count(r.duplicates())).append(" | ").append(Invariants.cell(r.invariants().i1()))
                    .append(" | ").append(Invariants.cell(r.invariants().i2())).append(" | ")
                    .append(Invariants.cell(r.invariants().i3())).append(" | ")
                    .append(Invariants.cell(r.invariants().i4())).append(" |\n");
        }
        md.append("\n## Targets (ratios from this run)\n\n| Target | Goal | Measured | Met |\n|---|---|---:|---|\n");
        for (Target t : targets) {
            md.append("| ").append(t.what()).append(" | ").append(t.goal()).append(" | ").append(t.measuredText())
                    .append(" | ").append(t.met() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\n## Notes\n\n");
        n = 1;
        for (ResultRow r : rows) {
            if (!r.note().isEmpty() || !r.invariants().failures().isEmpty()) {
                md.append("- Row ").append(n).append(" (").append(r.name()).append("): ").append(r.note());
                for (String failure : r.invariants().failures()) {
                    md.append("; ").append(failure);
                }
                md.append('\n');
            }
            n++;
        }
        notes.forEach(note -> md.append("- ").append(note).append('\n'));
        md.append("- What was tried to reach the targets, with the profiles behind it: [tried.md](tried.md).\n");
        md.append("\n![Throughput of every row](results.png)\n");
        return md.toString();
    }

    static List<String> csv(List<ResultRow> rows) {
        List<String> lines = new ArrayList<>();
        lines.add("group,row,load,throughput,unit,p50_ms,p99_ms,issued,oversell,duplicates,i1,i2,i3,i4,note");
        for (ResultRow r : rows) {
            lines.add(String.join(",", r.group(), quote(r.name()), quote(r.load()),
                    String.format(Locale.ROOT, "%.1f", r.throughput()), r.unit(),
                    String.format(Locale.ROOT, "%.3f", r.p50()), String.format(Locale.ROOT, "%.3f", r.p99()),
                    Long.toString(r.issued()), Long.toString(r.oversell()), Long.toString(r.duplicates()),
                    quote(r.invariants().i1()), quote(r.invariants().i2()), quote(r.invariants().i3()),
                    quote(r.invariants().i4()), quote(r.note())));
        }
        return lines;
    }

    static void write(Path dir, RunInfo run, List<ResultRow> rows, List<Target> targets, List<String> notes)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.md"), markdown(run, rows, targets, notes));
        Files.write(dir.resolve("results.csv"), csv(rows));
        Chart.write(dir.resolve("results.png"), run, rows);
    }

    /** A plain-text table for the terminal. */
    static String console(List<ResultRow> rows, List<Target> targets) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-3s %-46s %14s %9s %9s %8s %8s %6s  %-4s %-4s %-4s %-4s%n", "#", "row",
                "throughput", "p50 ms", "p99 ms", "issued", "oversell", "dup", "I1", "I2", "I3", "I4"));
        int n = 1;
        for (ResultRow r : rows) {
            out.append(String.format(Locale.ROOT, "%-3d %-46s %14s %9s %9s %8s %8s %6s  %-4s %-4s %-4s %-4s%n", n++,
                    abbreviate(r.name(), 46), Target.number(r.throughput()) + " " + r.unit(), millis(r.p50()),
                    millis(r.p99()), count(r.issued()), count(r.oversell()), count(r.duplicates()),
                    shortCell(r.invariants().i1()), shortCell(r.invariants().i2()), shortCell(r.invariants().i3()),
                    shortCell(r.invariants().i4())));
        }
        out.append('\n');
        for (Target t : targets) {
            out.append(String.format(Locale.ROOT, "%-60s %-12s %-14s %s%n", t.what(), t.goal(), t.measuredText(),
                    t.met() ? "met" : "NOT MET"));
        }
        return out.toString();
    }

    private static String shortCell(String value) {
        return value.startsWith("FAIL") ? "FAIL" : value;
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static String millis(double value) {
        return value <= 0 ? "" : String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.0f", value);
    }

    private static String count(long value) {
        return value < 0 ? "" : String.format(Locale.ROOT, "%,d", value);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** Facts about the run as a whole. */
    record RunInfo(String startedAt, double seconds, Machine machine, String loadAfter, String conditions,
            String generators) {
    }
}
