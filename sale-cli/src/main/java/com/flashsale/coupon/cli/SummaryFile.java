package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.check.Verdicts;
import com.flashsale.coupon.kit.load.LoadResult;
import com.flashsale.coupon.kit.load.Percentiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The summary a runner leaves behind. The k6 scripts write the same shape (runner, couponCode,
 * members, outcomes keyed like {@link com.flashsale.coupon.kit.api.Answer#key()}, latencyMs), so
 * {@code verify --answers} checks a k6 run's answers exactly like this command line's own.
 */
final class SummaryFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SummaryFile() {
    }

    static void write(Path file, String couponCode, int members, int quantity, LoadResult result, Verdicts verdicts,
            boolean settled, boolean passed) {
        Percentiles latency = result.latency();
        Map<String, Judged> judged = new LinkedHashMap<>();
        verdicts.byInvariant().forEach((invariant, verdict) -> judged.put(invariant.name(),
                new Judged(invariant.meaning(), verdict.status().name(), verdict.evidence())));
        Written summary = new Written("jvm", "flash-sale", couponCode, members, quantity, result.log().keyCounts(),
                new LatencyMs(latency.p50(), latency.p99(), latency.max()), result.elapsed().toMillis(), judged,
                settled, passed);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), summary);
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("cannot write the summary to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses (exit code 2) a file the summary could not be written to, before the sale it would summarise
     * runs: its directory is created, and the file opened for appending, which leaves one that exists as it is.
     */
    static void requireWritable(Path file, CommandLine commandLine) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean existed = Files.exists(file);
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                out.flush();
            }
            if (!existed) {
                Files.delete(file);
            }
        } catch (IOException | RuntimeException e) {
            throw new ParameterException(commandLine, "--summary-file " + file + " cannot be written: " + e);
        }
    }

    /** What this runner writes, in this order: the fields the k6 scripts write too, then the verdicts. */
    private record Written(String runner, String scenario, String couponCode, int members, int quantity,
            Map<String, Long> outcomes, LatencyMs latencyMs, long elapsedMs, Map<String, Judged> verdicts,
            boolean settled, boolean passed) {
    }

    private record LatencyMs(double p50, double p99, double max) {
    }

    private record Judged(String meaning, String status, String evidence) {
    }

    /** Another runner's answers, as it summarised them. */
    static Summary read(Path file) {
        JsonNode summary;
        try {
            summary = JSON.readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("cannot read the answers summary " + file + ": " + e.getMessage(), e);
        }
        Map<String, Long> keys = new LinkedHashMap<>();
        summary.path("outcomes").properties().forEach(entry -> keys.put(entry.getKey(), entry.getValue().asLong()));
        if (keys.isEmpty()) {
            throw new IllegalStateException(file + " holds no outcomes: was it written by a flash-sale run?");
        }
        JsonNode latency = summary.path("latencyMs");
        return new Summary(summary.path("runner").asString("unknown"), summary.path("couponCode").asString(""),
                members(file, summary.path("members")), keys, new Percentiles(0, latency.path("p50").asDouble(),
                        latency.path("p99").asDouble(), 0, latency.path("max").asDouble()));
    }

    /** 0 when the file does not say; a count no run can have had is refused rather than replaced. */
    private static long members(Path file, JsonNode members) {
        if (members.isMissingNode() || members.isNull()) {
            return 0;
        }
        if (!members.isIntegralNumber() || members.asLong() < 1 || members.asLong() > CheckOptions.MAX_MEMBERS) {
            throw new IllegalArgumentException(file + " says members " + members + ": a run has 1.."
                    + CheckOptions.MAX_MEMBERS + " members");
        }
        return members.asLong();
    }

    /**
     * {@code keys}: counts by the runner's answer keys; {@code members} is 0 and {@code couponCode} blank
     * when the file does not say.
     */
    record Summary(String runner, String couponCode, long members, Map<String, Long> keys, Percentiles latency) {

        Map<Outcome, Long> outcomes() {
            Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
            keys.forEach((key, count) -> outcomes.merge(Outcome.ofKey(key), count, Long::sum));
            return outcomes;
        }
    }
}
