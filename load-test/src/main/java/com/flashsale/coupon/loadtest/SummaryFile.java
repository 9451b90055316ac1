package com.flashsale.coupon.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The summary a runner leaves behind. The k6 scripts write the same shape (runner, couponCode,
 * members, outcomes keyed like {@link Answer#outcome()}, latencyMs), so {@code verify --answers}
 * checks a k6 run's answers exactly like the JVM runner's own.
 */
final class SummaryFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SummaryFile() {
    }

    static void write(Path file, String couponCode, int members, FlashSale.Result result, List<Check> checks,
            boolean passed) {
        Latency latency = Latency.of(result.answers());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runner", "jvm");
        summary.put("scenario", "flash-sale");
        summary.put("couponCode", couponCode);
        summary.put("members", members);
        summary.put("outcomes", Outcomes.of(result.answers()).counts());
        summary.put("latencyMs", Map.of("p50", latency.p50(), "p99", latency.p99(), "max", latency.max()));
        summary.put("elapsedMs", result.elapsed().toMillis());
        summary.put("checks", checks);
        summary.put("passed", passed);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), summary);
        } catch (IOException | JacksonException e) {
            throw new LoadTestException("cannot write the summary to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Another runner's answers, as it summarised them. */
    static Answers read(Path file) {
        JsonNode summary;
        try {
            summary = JSON.readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw new LoadTestException("cannot read the answers summary " + file + ": " + e.getMessage(), e);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        summary.path("outcomes").properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        if (counts.isEmpty()) {
            throw new LoadTestException(file + " holds no outcomes: was it written by a flash-sale run?");
        }
        JsonNode latency = summary.path("latencyMs");
        return new Answers(summary.path("runner").asString("unknown"), summary.path("couponCode").asString(""),
                summary.path("members").asLong(0), new Outcomes(counts),
                new Latency(latency.path("p50").asDouble(), latency.path("p99").asDouble(), latency.path("max").asDouble()));
    }

    record Answers(String runner, String couponCode, long members, Outcomes outcomes, Latency latency) {
    }
}
