package com.flashsale.coupon.system.observability;

import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.kit.api.Caller;
import com.flashsale.coupon.kit.api.Credentials;
import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.api.Reply;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.api.ServiceException;
import com.flashsale.coupon.kit.api.Timeouts;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus (the Debian binary) as a separate process, run with the committed local
 * configuration: only the target ports and the intervals (1 s, so a test need not wait for data)
 * differ, and the committed alert rules are loaded next to it. Data and log stay under target/.
 */
public final class PrometheusServer implements AutoCloseable {

    /** Prometheus' HTTP API through the sale kit's client, as every request of the tests goes; it asks for no credentials. */
    private static final SaleClient HTTP = SaleClient.forTargets(Credentials.none(),
            new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30)));

    private final int port;
    private final Process process;
    private final Path home;

    private PrometheusServer(int port, Process process, Path home) {
        this.port = port;
        this.process = process;
        this.home = home;
    }

    /** Scraping the gateway's and the worker's management ports, where their actuators listen. */
    public static PrometheusServer start(int gatewayPort, int workerPort) {
        Path prometheus = Executables.require("prometheus");
        int port = freePort();
        Path home = Path.of("target", "prometheus-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Path logs = Path.of(System.getProperty("logs.dir", "target/service-logs"));
        try {
            Files.createDirectories(home);
            Files.createDirectories(logs);
            Files.writeString(home.resolve("prometheus.yml"), localConfigFor(gatewayPort, workerPort, port));
            Files.copy(ProjectFiles.alertRules(), home.resolve("alerts.yml"));
            Process process = new ProcessBuilder(prometheus.toString(),
                    "--config.file=" + home.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + home.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(home.getFileName() + ".log").toFile()))
                    .start();
            PrometheusServer server = new PrometheusServer(port, process, home);
            await("Prometheus ready on port " + port).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Prometheus exited with " + process.exitValue() + "; see " + logs);
                        }
                        return server.ready();
                    });
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Prometheus: " + e.getMessage(), e);
        }
    }

    /** The committed local configuration, pointed at this test's ports; fails if its shape changed. */
    static String localConfigFor(int gatewayPort, int workerPort, int prometheusPort) throws IOException {
        String config = Files.readString(ProjectFiles.prometheusLocalConfig());
        for (Map.Entry<String, String> change : Map.of(
                "127.0.0.1:8082", "127.0.0.1:" + gatewayPort,
                "127.0.0.1:8083", "127.0.0.1:" + workerPort,
                "127.0.0.1:9090", "127.0.0.1:" + prometheusPort,
                "scrape_interval: 5s", "scrape_interval: 1s",
                "evaluation_interval: 5s", "evaluation_interval: 1s").entrySet()) {
            if (config.indexOf(change.getKey()) < 0 || config.indexOf(change.getKey()) != config.lastIndexOf(change.getKey())) {
                throw new IllegalStateException(ProjectFiles.prometheusLocalConfig() + " no longer holds '"
                        + change.getKey() + "' exactly once: update " + PrometheusServer.class.getSimpleName());
            }
            config = config.replace(change.getKey(), change.getValue());
        }
        return config;
    }

    public int port() {
        return port;
    }

    /** {@code /api/v1/query} at the current time. */
    public Answer query(String expr) {
        return get("/api/v1/query", Map.of("query", expr));
    }

    /** {@code /api/v1/query_range}, as a Grafana time-series panel asks for its data. */
    public Answer queryRange(String expr, Instant start, Instant end, Duration step) {
        return get("/api/v1/query_range", Map.of("query", expr, "start", Long.toString(start.getEpochSecond()),
                "end", Long.toString(end.getEpochSecond()), "step", step.toSeconds() + "s"));
    }

    /** Values of {@code label} on the series matching {@code selector}, as Grafana's label_values() finds them. */
    public List<String> labelValues(String selector, String label) {
        Answer answer = get("/api/v1/series?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8)
                + "&start=" + (Instant.now().getEpochSecond() - 3600));
        if (!answer.success()) {
            throw new IllegalStateException("series " + selector + ": " + answer.error());
        }
        List<String> values = new ArrayList<>();
        for (JsonNode series : answer.body().path("data")) {
            String value = series.path(label).asString("");
            if (!value.isEmpty() && !values.contains(value)) {
                values.add(value);
            }
        }
        return values;
    }

    public Answer get(String pathAndQuery) {
        try {
            Reply reply = HTTP.send(LocalTarget.port(port), "GET", pathAndQuery, null, Caller.anonymous());
            return new Answer(reply.status(), reply.body());
        } catch (ServiceException e) {
            throw new IllegalStateException("Prometheus on port " + port + " did not answer: " + e.getMessage(), e);
        }
    }

    /** Prometheus takes its query parameters in the URL as well as in a form. */
    private Answer get(String path, Map<String, String> parameters) {
        return get(path + "?" + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    private boolean ready() {
        try {
            return HTTP.send(LocalTarget.port(port), "GET", "/-/ready", null, Caller.anonymous()).status() == 200;
        } catch (ServiceException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops Prometheus and deletes its data; the log stays in target/service-logs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Only disk space in target/ is at stake.
        }
    }

    /** Prometheus' answer envelope: {@code status}, {@code data}, or {@code errorType} and {@code error}. */
    public record Answer(int httpStatus, JsonNode body) {

        public boolean success() {
            return "success".equals(body.path("status").asString(""));
        }

        public String error() {
            return body.path("errorType").asString("") + ": " + body.path("error").asString("");
        }

        public JsonNode result() {
            return body.path("data").path("result");
        }

        /** True if some series has a sample that is a number (a quantile over no traffic is NaN). */
        public boolean hasNumbers() {
            for (JsonNode series : result()) {
                for (JsonNode sample : series.has("values") ? series.path("values") : List.of(series.path("value"))) {
                    String value = sample.path(1).asString("NaN");
                    if (!"NaN".equals(value)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
