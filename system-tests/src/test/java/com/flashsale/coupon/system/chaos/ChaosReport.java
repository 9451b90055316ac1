package com.flashsale.coupon.system.chaos;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.check.Verdict;
import com.flashsale.coupon.kit.check.Verdicts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints one line per drill and appends it to a Markdown table ({@code target/chaos-report.md} unless
 * {@code -Dchaos.report} says otherwise), so a run's table can be pasted as it is.
 */
final class ChaosReport {

    private static final String HEADER = """
            | Scenario | Quantity | Requests | 200 | Unknown | No connection | 503 | Sold out | MySQL rows | Failed rows | Compensations | Repairs | I1 | I2 | I3 | I4 | I5 | Answers | Sale s | Settle s |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|---|---|---:|---:|
            """;

    private ChaosReport() {
    }

    static synchronized void publish(ScenarioResult result) {
        System.out.println(line(result));
        result.verdicts().byInvariant().forEach((invariant, verdict) -> System.out.printf("[chaos]   %s %s (%s): %s%n",
                invariant, verdict.label(), invariant.meaning(), verdict.evidence()));
        System.out.println("[chaos]   fault: " + result.note());
        Path file = Path.of(System.getProperty("chaos.report", "target/chaos-report.md"));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                Files.writeString(file, "# Chaos drills\n\n" + HEADER, StandardCharsets.UTF_8);
            }
            Files.writeString(file, row(result) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line(ScenarioResult r) {
        return "[chaos] %s | requests %d | 200 %d | unknown %d | no connection %d | 503 %d | sold out %d | MySQL rows %d | failed rows %d | compensations %s | repairs %d | %s"
                .formatted(r.scenario(), r.requests(), r.answered(Outcome.ISSUED), r.answered(Outcome.UNKNOWN),
                        r.answered(Outcome.NOT_CONNECTED), r.answered(Outcome.UNAVAILABLE), r.answered(Outcome.SOLD_OUT),
                        r.rows(), r.failedRows(), number(r.compensations()), r.repairs(), verdicts(r.verdicts(), " "));
    }

    static String row(ScenarioResult r) {
        return "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %s | %d | %s | %s | %s |".formatted(r.scenario(),
                r.quantity(), r.requests(), r.answered(Outcome.ISSUED), r.answered(Outcome.UNKNOWN),
                r.answered(Outcome.NOT_CONNECTED), r.answered(Outcome.UNAVAILABLE), r.answered(Outcome.SOLD_OUT), r.rows(),
                r.failedRows(), number(r.compensations()), r.repairs(),
                r.verdicts().byInvariant().values().stream().map(Verdict::label).collect(Collectors.joining(" | ")),
                seconds(r.sale()), seconds(r.settle()));
    }

    private static String verdicts(Verdicts verdicts, String separator) {
        return verdicts.byInvariant().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().label())
                .collect(Collectors.joining(separator));
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : Long.toString(Math.round(value));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }
}
