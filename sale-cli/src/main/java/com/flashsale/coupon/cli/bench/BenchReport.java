package com.flashsale.coupon.cli.bench;

import com.flashsale.coupon.cli.bench.cpu.Cost;
import com.flashsale.coupon.cli.bench.cpu.Role;
import com.flashsale.coupon.kit.check.Invariant;
import com.flashsale.coupon.kit.check.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Writes the results as Markdown and CSV (the chart is {@link Chart}'s), and prints them for the terminal. */
final class BenchReport {

    /** The verdict columns, in the table's order. */
    static final List<Invariant> JUDGED = List.of(Invariant.I1, Invariant.I2, Invariant.I3, Invariant.I4, Invariant.I5,
            Invariant.ANSWERS);
    static final List<Role> ROLES = List.of(Role.values());

    private BenchReport() {
    }

    /** {@code benchmarksDoc}: docs/benchmarks.md as seen from where the results are written. */
    static String markdown(RunInfo run, String benchmarksDoc, List<ResultRow> rows, List<Target> targets,
            List<Targets.Ratio> ratios, List<String> notes) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("One `make bench` run: every figure below comes from the same run on the same machine, so the\n")
                .append("ratios are what count. How the bench measures, and what the figures say:\n")
                .append("[docs/benchmarks.md](").append(benchmarksDoc).append(").\n\n");
        md.append("- **When**: ").append(run.startedAt()).append(" (").append(Math.round(run.seconds())).append(" s)\n");
        md.append("- **Machine**: ").append(run.machine().cpu()).append(", **").append(run.machine().cores())
                .append(" cores**, ").append(run.machine().memory()).append(", ").append(run.machine().os()).append("\n");
        md.append("- **Java**: ").append(run.machine().java()).append("; **load average** before the run: ")
                .append(run.machine().loadBefore()).append(", after: ").append(run.loadAfter()).append("\n");
        md.append("- **Conditions**: ").append(run.conditions()).append("\n");
        md.append("- **Load generators**: ").append(run.generators()).append("\n");
        md.append("- **Processes measured**: ").append(String.join("; ", run.processes())).append("\n\n");

        md.append("## Rows\n\n");
        md.append("| # | Row | Load | Rate (or time) | p50 ms | p99 ms | Issued | Oversell | Duplicates |");
        JUDGED.forEach(i -> md.append(' ').append(header(i)).append(" |"));
        md.append("\n|---|---|---|---:|---:|---:|---:|---:|---:|");
        JUDGED.forEach(i -> md.append("---|"));
        md.append('\n');
        int n = 1;
        for (ResultRow r : rows) {
            md.append("| ").append(n++).append(" | ").append(r.name()).append(" | ").append(r.load()).append(" | ")
                    .append(Target.number(r.throughput())).append(' ').append(r.unit()).append(" | ")
                    .append(millis(r.p50())).append(" | ").append(millis(r.p99())).append(" | ")
                    .append(count(r.issued())).append(" | ").append(count(r.oversell())).append(" | ")
                    .append(count(r.duplicates())).append(" |");
            JUDGED.forEach(i -> md.append(' ').append(cell(r, i, true)).append(" |"));
            md.append('\n');
        }

        md.append("\n## Cost: CPU time per request, by process (µs)\n\n");
        md.append("Over exactly each row's measured window (`/proc/<pid>/stat` utime + stime, `/proc/stat` for the\n")
                .append("machine, before and after), divided by the row's requests (rows persisted for the worker's\n")
                .append("drain). \"Processes\" is the system's processes and the load generator together; \"other\" is\n")
                .append("what the machine's ").append(run.machine().cores())
                .append(" cores spent beyond them (kernel threads, other work on a shared machine).\n\n");
        md.append("| # | Row | Requests |");
        ROLES.forEach(role -> md.append(' ').append(role.title()).append(" |"));
        md.append(" processes | other | whole machine | machine busy | gateway / constant | processes / constant"
                + " | machine / constant |\n|---|---|---:|");
        ROLES.forEach(role -> md.append("---:|"));
        md.append("---:|---:|---:|---:|---:|---:|---:|\n");
        Optional<Cost> floor = floorCost(rows);
        for (Costed costed : costed(rows)) {
            Cost c = costed.cost();
            md.append("| ").append(costed.number()).append(" | ").append(costed.row().name()).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", c.requests())).append(" |");
            ROLES.forEach(role -> md.append(' ').append(micros(c.micros(role))).append(" |"));
            md.append(' ').append(micros(c.processMicros())).append(" | ").append(micros(c.otherMicros())).append(" | ")
                    .append(micros(c.machineMicros())).append(" | ").append(percent(c.window().machineBusyShare()))
                    .append(" | ").append(ratio(c, floor, Ratio.GATEWAY)).append(" | ")
                    .append(ratio(c, floor, Ratio.PROCESSES)).append(" | ").append(ratio(c, floor, Ratio.MACHINE))
                    .append(" |\n");
        }

        md.append("\n## Targets (ratios from this run)\n\n| Target | Goal | Measured | Met | How |\n|---|---|---:|---|---|\n");
        for (Target t : targets) {
            md.append("| ").append(t.what().strip()).append(" | ").append(t.goal()).append(" | ").append(t.measuredText())
                    .append(" | ").append(t.status() == Target.Status.NOT_MET ? "**no**" : t.verdict()).append(" | ")
                    .append(t.remark()).append(" |\n");
        }
        if (!ratios.isEmpty()) {
            md.append("\nThroughput ratios, for reference (on shared cores they measure the neighbours too):\n\n")
                    .append("| Ratio | Measured |\n|---|---:|\n");
            ratios.forEach(r -> md.append("| ").append(r.what()).append(" | ").append(r.text()).append(" |\n"));
        }
        md.append("\n## Notes\n\n");
        n = 1;
        for (ResultRow r : rows) {
            List<String> failures = failures(r);
            if (!r.note().isEmpty() || !failures.isEmpty()) {
                md.append("- Row ").append(n).append(" (").append(r.name()).append("): ").append(r.note());
                failures.forEach(failure -> md.append("; ").append(failure));
                md.append('\n');
            }
            n++;
        }
        notes.forEach(note -> md.append("- ").append(note).append('\n'));
        md.append("\n![Throughput and CPU per request of every row](results.png)\n");
        return md.toString();
    }

    static List<String> csv(RunInfo run, List<ResultRow> rows) {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder("group,row,load,throughput,unit,p50_ms,p99_ms,issued,oversell,duplicates");
        JUDGED.forEach(i -> header.append(',').append(i.name().toLowerCase(Locale.ROOT)));
        header.append(",cpu_requests");
        ROLES.forEach(role -> header.append(",cpu_us_").append(role.name().toLowerCase(Locale.ROOT)));
        header.append(",cpu_us_processes,cpu_us_machine,machine_busy,cores,note");
        lines.add(header.toString());
        for (ResultRow r : rows) {
            List<String> fields = new ArrayList<>(List.of(r.group(), quote(r.name()), quote(r.load()),
                    String.format(Locale.ROOT, "%.1f", r.throughput()), r.unit(),
                    String.format(Locale.ROOT, "%.3f", r.p50()), String.format(Locale.ROOT, "%.3f", r.p99()),
                    Long.toString(r.issued()), Long.toString(r.oversell()), Long.toString(r.duplicates())));
            JUDGED.forEach(i -> fields.add(cell(r, i, false)));
            if (r.cost().isPresent()) {
                Cost c = r.cost().get();
                fields.add(Long.toString(c.requests()));
                ROLES.forEach(role -> fields.add(Double.isNaN(c.micros(role)) ? "" : decimal(c.micros(role))));
                fields.add(decimal(c.processMicros()));
                fields.add(decimal(c.machineMicros()));
                fields.add(String.format(Locale.ROOT, "%.3f", c.window().machineBusyShare()));
            } else {
                for (int i = 0; i < ROLES.size() + 4; i++) {
                    fields.add("");
                }
            }
            fields.add(Integer.toString(run.machine().cores()));
            fields.add(quote(r.note()));
            lines.add(String.join(",", fields));
        }
        return lines;
    }

    static void write(Path dir, RunInfo run, List<ResultRow> rows, List<Target> targets, List<Targets.Ratio> ratios,
            List<String> notes) throws IOException {
        Files.createDirectories(dir);
        // Results written elsewhere than bench-results/ (the cluster's, one level down) link the same file.
        Files.writeString(dir.resolve("results.md"), markdown(run, pathToDocs(dir), rows, targets, ratios, notes));
        Files.write(dir.resolve("results.csv"), csv(run, rows));
        Chart.write(dir.resolve("results.png"), run, rows);
    }

    /** docs/benchmarks.md as seen from {@code dir}, inside the project that holds it. */
    static String pathToDocs(Path dir) {
        Path from = dir.toAbsolutePath().normalize();
        for (Path root = from; root != null; root = root.getParent()) {
            Path docs = root.resolve("docs/benchmarks.md");
            if (Files.isRegularFile(docs)) {
                return from.relativize(docs).toString();
            }
        }
        return "../docs/benchmarks.md";
    }

    /** Plain-text tables for the terminal: the rows with their verdicts, the cost, the targets. */
    static String console(RunInfo run, List<ResultRow> rows, List<Target> targets) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-3s %-46s %14s %9s %9s %8s %8s %6s ", "#", "row", "throughput", "p50 ms",
                "p99 ms", "issued", "oversell", "dup"));
        JUDGED.forEach(i -> out.append(String.format(Locale.ROOT, " %-4s", i == Invariant.ANSWERS ? "ans" : i.name())));
        out.append('\n');
        int n = 1;
        for (ResultRow r : rows) {
            out.append(String.format(Locale.ROOT, "%-3d %-46s %14s %9s %9s %8s %8s %6s ", n++, abbreviate(r.name(), 46),
                    Target.number(r.throughput()) + " " + r.unit(), millis(r.p50()), millis(r.p99()), count(r.issued()),
                    count(r.oversell()), count(r.duplicates())));
            JUDGED.forEach(i -> out.append(String.format(Locale.ROOT, " %-4s", cell(r, i, false))));
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT, "%nCPU µs per request (%d cores; load average %s before, %s after)%n",
                run.machine().cores(), run.machine().loadBefore(), run.loadAfter()));
        out.append(String.format(Locale.ROOT, "%-3s %-46s", "#", "row"));
        ROLES.forEach(role -> out.append(String.format(Locale.ROOT, " %9s", abbreviate(role.title(), 9))));
        out.append(String.format(Locale.ROOT, " %9s %9s %6s %8s%n", "processes", "machine", "busy", "gw/const"));
        Optional<Cost> floor = floorCost(rows);
        for (Costed costed : costed(rows)) {
            Cost c = costed.cost();
            out.append(String.format(Locale.ROOT, "%-3d %-46s", costed.number(), abbreviate(costed.row().name(), 46)));
            ROLES.forEach(role -> out.append(String.format(Locale.ROOT, " %9s", micros(c.micros(role)))));
            out.append(String.format(Locale.ROOT, " %9s %9s %6s %8s%n", micros(c.processMicros()),
                    micros(c.machineMicros()), percent(c.window().machineBusyShare()), ratio(c, floor, Ratio.GATEWAY)));
        }
        out.append('\n');
        for (Target t : targets) {
            out.append(String.format(Locale.ROOT, "%-62s %-10s %-10s %-10s %s%n", abbreviate(t.what(), 62), t.goal(),
                    t.measuredText(), t.status() == Target.Status.MET ? "met" : t.status() == Target.Status.NOT_MET
                            ? "NOT MET" : "not judged", t.remark()));
        }
        return out.toString();
    }

    /** The rows whose cost was measured, with their numbers in the rows table. */
    private static List<Costed> costed(List<ResultRow> rows) {
        List<Costed> costed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int number = i + 1;
            ResultRow row = rows.get(i);
            row.cost().ifPresent(cost -> costed.add(new Costed(number, row, cost)));
        }
        return costed;
    }

    private record Costed(int number, ResultRow row, Cost cost) {
    }

    private static Optional<Cost> floorCost(List<ResultRow> rows) {
        return rows.stream().filter(r -> r.group().equals("floor")).findFirst().flatMap(ResultRow::cost);
    }

    private enum Ratio {
        GATEWAY,
        PROCESSES,
        MACHINE
    }

    private static String ratio(Cost c, Optional<Cost> floor, Ratio which) {
        if (floor.isEmpty()) {
            return "";
        }
        Cost f = floor.get();
        double ratio = switch (which) {
            case GATEWAY -> c.micros(Role.GATEWAY) / f.micros(Role.GATEWAY);
            case PROCESSES -> c.processMicros() / f.processMicros();
            case MACHINE -> c.machineMicros() / f.machineMicros();
        };
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2fx", ratio) : "";
    }

    private static String header(Invariant invariant) {
        return invariant == Invariant.ANSWERS ? "Answers" : invariant.name();
    }

    /** "pass", "FAIL" (bold in Markdown) or "n/a"; empty where the row sells nothing or the facts cannot speak to it. */
    private static String cell(ResultRow r, Invariant invariant, boolean markdown) {
        Verdict verdict = r.verdicts().get(invariant);
        if (verdict == null) {
            return "";
        }
        return markdown && verdict.status() == Verdict.Status.FAIL ? "**FAIL**" : verdict.label();
    }

    private static List<String> failures(ResultRow r) {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<Invariant, Verdict> e : r.verdicts().byInvariant().entrySet()) {
            if (e.getValue().status() == Verdict.Status.FAIL) {
                failures.add(e.getKey() + " (" + e.getKey().meaning() + ") FAILED: " + e.getValue().evidence());
            }
        }
        return failures;
    }

    private static String micros(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return String.format(Locale.ROOT, Math.abs(value) < 10 ? "%.1f" : "%.0f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
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
            String generators, List<String> processes) {
    }
}
