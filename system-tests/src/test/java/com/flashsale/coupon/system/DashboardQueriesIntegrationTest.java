package com.flashsale.coupon.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.EventCodec;
import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Caller;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.api.Reply;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.load.Burst;
import com.flashsale.coupon.system.observability.Dashboard;
import com.flashsale.coupon.system.observability.GrafanaQuery;
import com.flashsale.coupon.system.observability.ProjectFiles;
import com.flashsale.coupon.system.observability.PrometheusServer;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Grafana cannot run here, so its dashboards are checked the way Grafana would use them: a real
 * Prometheus scrapes the real gateway and worker jars through a short sale, then every panel query
 * and every alert rule is sent to Prometheus' HTTP API. Every query must parse; every panel of the
 * flash-sale board must show the sale.
 */
class DashboardQueriesIntegrationTest {

    private static final Duration RATE_INTERVAL = Duration.ofSeconds(20);
    private static final Duration SETTLE = Duration.ofSeconds(180);

    @AutoClose
    private static SaleSystem system;
    @AutoClose
    private static PrometheusServer prometheus;
    private static Instant saleStart;

    @BeforeAll
    static void runAShortSaleUnderPrometheus() throws Exception {
        SaleEnvironment environment = new SaleEnvironment();
        system = SaleSystem.start(environment, environment.worker(), environment.gateway("gateway", true));
        prometheus = PrometheusServer.start(system.gateway().managementPort(), system.worker().managementPort());
        await("both services are up targets").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(prometheus.query("up{job=~\"gateway|worker\"} == 1").result()).hasSize(2));
        SaleClient api = system.client();
        api.reset();
        // Spring creates the HTTP timer's series on the first request. A series whose first scrape
        // comes after the whole sale has no increase in it, so its p99 would be empty: one issuance
        // on another campaign first, scraped before the sale starts, as in a system that has served.
        assertThat(api.issue("WELCOME10", 1).outcome()).isEqualTo(Outcome.ISSUED);
        await("the issue endpoint's HTTP series is scraped").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(prometheus.query(
                        "http_server_requests_seconds_count{uri=\"/api/v1/coupons/issue\", status=\"200\"}").result())
                        .isNotEmpty());
        saleStart = Instant.now().minusSeconds(5);

        List<Answer> issued = Burst.ofMembers(api, "FLASH100", 1, 150).fire().log().all().stream()
                .filter(a -> a.outcome() == Outcome.ISSUED).toList();
        assertThat(issued).hasSize(100);
        // One request of every other outcome, so each has a series of its own.
        long winner = issued.getFirst().memberId();
        assertThat(api.issue("FLASH100", winner).code()).isEqualTo("COUPON-002");
        assertThat(api.issue("FLASH100", 999_999).code()).isEqualTo("MEMBER-001");
        assertThat(api.issue("FLASH100", 501).code()).isEqualTo("MEMBER-002");
        assertThat(api.issue("NO_SUCH_COUPON", 1).code()).isEqualTo("COUPON-001");
        assertThat(api.issue("ENDED50", 1).code()).isEqualTo("COUPON-004");
        // An event no worker can read: it takes the failure, dead-letter and DLQ-processing path.
        sendToIssuedTopic("{\"this is\": \"not a coupon event\"");
        await("100 rows in MySQL").atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(system.environment().probe().counts("FLASH100").rows()).isEqualTo(100));
        replayAFailedIssuanceOnceItsCauseIsFixed(api);
    }

    /**
     * An issuance for a member MySQL does not know fails for good and is recorded as failed; once the
     * member exists, an operator's replay persists it: the replay panel shows it.
     */
    private static void replayAFailedIssuanceOnceItsCauseIsFixed(SaleClient api) throws Exception {
        long member = 900_001;
        Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        sendToIssuedTopic(EventCodec.toJson(CouponIssued.of("WELCOME10:" + acceptedAt.toEpochMilli() + "-0", 1,
                "WELCOME10", member, acceptedAt)));
        await("the failed issuance is recorded").atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(system.environment().probe().counts("WELCOME10").failedRows()).isEqualTo(1));
        try (Connection connection = system.environment().connect();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO members (id, name, email, status) VALUES (?, 'Late', 'late@example.com', 'ACTIVE')")) {
            insert.setLong(1, member);
            insert.executeUpdate();
        }
        Reply replay = api.send(api.services().worker(), "POST",
                "/api/v1/admin/campaigns/WELCOME10/failed-issuances/replay", "", Caller.operator());
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.data().path("persisted").asInt()).as(replay.toString()).isEqualTo(1);
        // Member 1's coupon from before the sale, and the replayed one.
        assertThat(system.environment().probe().counts("WELCOME10").rows()).isEqualTo(2);
    }

    @Test
    void everyFlashSalePanelShowsTheSale() {
        Dashboard board = Dashboard.byUid("flash-sale");
        // Some series only appear a while after the sale (the Kafka client's per-partition lag is
        // bound on Micrometer's one-minute refresh): wait for the real end state, not a fixed time.
        await("every flash-sale panel shows data").atMost(SETTLE).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    SoftAssertions softly = new SoftAssertions();
                    Map<String, String> variables = resolveVariables(board, softly);
                    Instant end = Instant.now();
                    for (Dashboard.Panel panel : board.panels()) {
                        for (Dashboard.Target target : panel.targets()) {
                            String expr = GrafanaQuery.expand(target.expr(), RATE_INTERVAL,
                                    Duration.between(saleStart, end), variables);
                            PrometheusServer.Answer answer = prometheus.queryRange(expr, saleStart, end, Duration.ofSeconds(1));
                            softly.assertThat(answer.success()).as("%s %s parses: %s%n%s", panel.title(), target.refId(),
                                    answer.error(), expr).isTrue();
                            softly.assertThat(answer.hasNumbers()).as("%s %s shows data%n%s", panel.title(), target.refId(), expr)
                                    .isTrue();
                        }
                    }
                    softly.assertAll();
                });
    }

    @Test
    void everyServiceHealthQueryRunsAndEverySectionShowsData() {
        Dashboard board = Dashboard.byUid("service-health");
        await("service-health variables have values").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> {
                    SoftAssertions softly = new SoftAssertions();
                    resolveVariables(board, softly);
                    softly.assertAll();
                });
        SoftAssertions softly = new SoftAssertions();
        Map<String, String> variables = resolveVariables(board, softly);
        Instant end = Instant.now();
        Map<String, Boolean> sectionHasData = new TreeMap<>();
        for (Dashboard.Panel panel : board.panels()) {
            for (Dashboard.Target target : panel.targets()) {
                String expr = GrafanaQuery.expand(target.expr(), RATE_INTERVAL, Duration.between(saleStart, end), variables);
                PrometheusServer.Answer answer = prometheus.queryRange(expr, saleStart, end, Duration.ofSeconds(1));
                softly.assertThat(answer.success()).as("%s %s parses: %s%n%s", panel.title(), target.refId(),
                        answer.error(), expr).isTrue();
                sectionHasData.merge(panel.section(), answer.hasNumbers(), Boolean::logicalOr);
            }
        }
        softly.assertAll();
        // Some health queries stay empty after one clean sale (no 5xx, no pool timeout); each section
        // (HTTP, JVM, Kafka clients, database pool) must still show its service, or a variable is wrong.
        assertThat(sectionHasData).hasSize(4).doesNotContainValue(false);
    }

    @Test
    void everyAlertRuleIsLoadedAndEvaluates() throws Exception {
        long rulesInFile = Files.readAllLines(ProjectFiles.alertRules()).stream()
                .filter(line -> line.strip().startsWith("- alert:")).count();
        await("every rule evaluated at least once").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<JsonNode> rules = loadedRules();
            assertThat(rules).hasSize((int) rulesInFile);
            SoftAssertions softly = new SoftAssertions();
            for (JsonNode rule : rules) {
                String name = rule.path("name").asString();
                softly.assertThat(rule.path("health").asString()).as("%s: %s", name, rule.path("lastError").asString(""))
                        .isEqualTo("ok");
                PrometheusServer.Answer answer = prometheus.query(rule.path("query").asString());
                softly.assertThat(answer.success()).as("%s parses: %s", name, answer.error()).isTrue();
            }
            softly.assertAll();
        });
    }

    @Test
    void theDeadLetterFiresItsAlertAndNoServiceCountsAsDown() {
        await("DeadLettersArrived firing").atMost(SETTLE)
                .untilAsserted(() -> assertThat(activeAlerts()).containsEntry("DeadLettersArrived", "firing"));
        assertThat(activeAlerts()).doesNotContainKeys("ServiceDown", "NoGatewayUp", "NoWorkerUp", "ServerErrorRateHigh");
    }

    /** Each variable as Grafana resolves it, then its "All" value; a variable with no values is a failure. */
    private static Map<String, String> resolveVariables(Dashboard board, SoftAssertions softly) {
        Map<String, String> values = new HashMap<>();
        for (Dashboard.Variable variable : board.variables()) {
            GrafanaQuery.LabelValues query = GrafanaQuery.labelValues(
                    GrafanaQuery.expand(variable.query(), RATE_INTERVAL, Duration.ofMinutes(5), values));
            List<String> found = prometheus.labelValues(query.selector(), query.label());
            softly.assertThat(found).as("values of $%s in %s", variable.name(), board.title()).isNotEmpty();
            String all = variable.allValue().isBlank() ? String.join("|", found) : variable.allValue();
            values.put(variable.name(), variable.includeAll() ? all : found.isEmpty() ? "" : found.get(0));
        }
        return values;
    }

    private static List<JsonNode> loadedRules() {
        PrometheusServer.Answer answer = prometheus.get("/api/v1/rules");
        assertThat(answer.success()).as(answer.error()).isTrue();
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode group : answer.body().path("data").path("groups")) {
            group.path("rules").forEach(rules::add);
        }
        return rules;
    }

    /** Alert name to state (pending or firing). */
    private static Map<String, String> activeAlerts() {
        PrometheusServer.Answer answer = prometheus.get("/api/v1/alerts");
        assertThat(answer.success()).as(answer.error()).isTrue();
        Map<String, String> alerts = new HashMap<>();
        for (JsonNode alert : answer.body().path("data").path("alerts")) {
            alerts.merge(alert.path("labels").path("alertname").asString(), alert.path("state").asString(),
                    (a, b) -> "firing".equals(a) ? a : b);
        }
        return alerts;
    }

    private static void sendToIssuedTopic(String payload) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.environment().kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(system.environment().issuedTopic(), "poison", payload)).get();
        }
    }
}
