package com.flashsale.coupon.worker.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.kit.api.Caller;
import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.api.Reply;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.token.ForgedTokens;
import com.flashsale.coupon.kit.token.TokenCredentials;
import com.flashsale.coupon.testsupport.DescribedApi;
import com.flashsale.coupon.worker.GuardedWorkerTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The operator API against the OWASP API Security Top 10 (2023), one test per item that applies to
 * it, over real HTTP with tokens signed by a test issuer. Every refusal is checked against MySQL and
 * Redis: both are as they were.
 *
 * <p>Not applicable to the worker: API1 (an operator acts on any campaign or member by design), API4
 * (operators only: the gateway limits the public), API6 (no business flow is exposed), API7 (it
 * fetches no URL a caller gives), API9 (one API, one version), API10 (it consumes no third-party API).
 */
class OperatorSecurityIntegrationTest extends GuardedWorkerTest {

    /** What an error body must never show: a stack frame or a Java, Spring, Jackson or project type. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bat [a-z]+\\.|java\\.|jakarta\\.|org\\.springframework|org\\.apache|tools\\.jackson|com\\.fasterxml|com\\.flashsale|com\\.nimbusds|com\\.mysql");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @AutoClose
    SaleClient api;

    LocalTarget worker;

    @BeforeEach
    void oneIssuedCouponFullyProvisioned() {
        api = SaleClient.ofService(port, new TokenCredentials(tokens));
        worker = LocalTarget.port(port);
        deleteIssuances();
        jdbc.update("INSERT INTO coupon_issues (coupon_id, member_id, event_id, accepted_at) VALUES (2, 1, 'kept', NOW(3))");
        provisionIntoEmptyRedis();
    }


    /** API2, broken authentication: no token, or one that does not prove who sent it, opens no operator endpoint. */
    @Test
    void api2EveryTokenThatProvesNothingIsRefused() {
        Map<String, Object> before = snapshot();

        for (HttpRequest.Builder request : operatorRequests()) {
            assertRefused(api.send(request.copy(), Caller.anonymous()), 401, "AUTH-001", describe(request));
            for (Map.Entry<String, String> token : ForgedTokens.invalidTokens(tokens, "operator").entrySet()) {
                assertRefused(api.send(request.copy().header("Authorization", "Bearer " + token.getValue()),
                        Caller.anonymous()), 401, "AUTH-001",
                        token.getKey() + ": " + describe(request));
            }
        }

        assertThat(snapshot()).isEqualTo(before);
    }

    /** API3, broken object property level authorization: a body with fields the endpoint does not define, or two readings, is refused. */
    @Test
    void api3UnknownAndAmbiguousBodiesAreRefused() {
        Map<String, Object> before = snapshot();
        for (String body : List.of("{\"status\":\"ACTIVE\",\"status\":\"PAUSED\"}", "{\"status\":\"PAUSED\"}{\"status\":\"ACTIVE\"}",
                "{\"status\":\"PAUSED\",\"quantity\":1000000}")) {
            Reply answer = api.send(put("/api/v1/admin/campaigns/FLASH100/status", body), Caller.operator());
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.code()).as(body).isEqualTo("COMMON-001");
        }
        Reply member = api.send(put("/api/v1/admin/members/7/status", "{\"status\":\"INACTIVE\",\"memberId\":8}"),
                Caller.operator());
        assertThat(member.status()).isEqualTo(400);

        assertThat(snapshot()).isEqualTo(before);
    }

    /**
     * API5, broken function level authorization: every endpoint, found from the handler mappings so
     * that a new one cannot be forgotten, refuses a member's token and answers an operator's.
     */
    @Test
    void api5EveryEndpointIsAnOperatorsOnly() {
        List<HttpRequest.Builder> requests = operatorRequests();
        assertThat(requests).extracting(OperatorSecurityIntegrationTest::describe)
                .contains("POST /api/test/reset", "POST /api/v1/coupons/stock/init", "POST /api/v1/admin/reconciliation",
                        "POST /api/v1/admin/campaigns", "PUT /api/v1/admin/campaigns/FLASH100/quantity",
                        "POST /api/v1/admin/campaigns/FLASH100/failed-issuances/replay");
        Map<String, Object> before = snapshot();

        for (HttpRequest.Builder request : requests) {
            assertRefused(api.send(request.copy(), Caller.member(7)), 403, "AUTH-002", describe(request));
        }
        assertThat(snapshot()).isEqualTo(before);

        Reply reset = api.send(worker, "POST", "/api/test/reset", "", Caller.operator());
        assertThat(reset.status()).as(reset.body().toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupon_issues", Integer.class)).isZero();
        Reply stockInit = api.send(worker, "POST", "/api/v1/coupons/stock/init?couponCode=FLASH100&quantity=120", "",
                Caller.operator());
        assertThat(stockInit.status()).as(stockInit.body().toString()).isEqualTo(200);
        assertThat(stockInit.body().path("data").path("stock").asLong()).isEqualTo(120);
    }

    /**
     * API8, security misconfiguration: the actuator answers on the management port only (there,
     * readiness covers the database, Redis, Kafka and the consumer group), and no error body shows a
     * stack trace or the name of an internal type.
     */
    @Test
    void api8NoActuatorOnTheApiPortAndNoInternalsInErrors() {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/env", "/actuator/health", "/actuator")) {
            assertThat(api.send(worker, "GET", path, null, Caller.anonymous()).status()).as("anonymous %s on the API port", path)
                    .isNotEqualTo(200);
            assertThat(api.send(worker, "GET", path, null, Caller.member(7)).status()).as("member %s on the API port", path)
                    .isNotEqualTo(200);
        }
        LocalTarget management = LocalTarget.port(managementPort);
        assertThat(api.send(management, "GET", "/actuator/prometheus", null, Caller.anonymous()).status()).isEqualTo(200);
        // Ready only once Kafka has assigned the consumers their partitions, a moment after start-up.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Reply readiness = api.send(management, "GET", "/actuator/health/readiness", null, Caller.anonymous());
            assertThat(readiness.status()).isEqualTo(200);
            for (String component : List.of("db", "redis", "kafka", "consumerGroup")) {
                assertThat(readiness.body().path("components").path(component).path("status").asString()).as(component).isEqualTo("UP");
            }
            // The issued-events topic's three partitions (coupon.kafka.partitions in the tests), not the dead letters'.
            assertThat(readiness.body().path("components").path("consumerGroup").path("details").path("partitions").asInt()).isEqualTo(3);
        });

        Map<String, Object> before = snapshot();
        List<Reply> errors = new ArrayList<>();
        errors.add(api.send(worker, "POST", "/api/v1/coupons/stock/init?couponCode=FLASH100&quantity=abc", "", Caller.operator()));
        errors.add(api.send(worker, "POST", "/api/v1/coupons/stock/init?couponCode=FLASH100", "", Caller.operator()));
        errors.add(api.send(put("/api/v1/admin/members/abc/status", "{\"status\":\"INACTIVE\"}"), Caller.operator()));
        errors.add(api.send(put("/api/v1/admin/campaigns/FLASH100/status", "{\"status\":[1]}"), Caller.operator()));
        errors.add(api.send(put("/api/v1/admin/campaigns/FLASH100/status", "<status>PAUSED</status>"), Caller.operator()));
        errors.add(api.send(worker, "GET", "/api/test/reset", null, Caller.operator()));
        errors.add(api.send(worker, "GET", "/api/v1/nothing-here", null, Caller.operator()));
        errors.add(api.send(HttpRequest.newBuilder(worker.resolve("/api/test/reset"))
                .header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.AAAA").POST(HttpRequest.BodyPublishers.noBody()),
                Caller.anonymous()));
        for (Reply error : errors) {
            assertThat(error.status()).as(error.body().toString()).isBetween(400, 499);
            assertThat(error.body().toString()).doesNotContainPattern(INTERNALS);
        }

        assertThat(snapshot()).isEqualTo(before);
    }

    /** A path no endpoint serves is a 404 in the envelope, the error page's own path among them: never a server error. */
    @Test
    void api8PathsNoEndpointServesAreNotFound() {
        for (Reply answer : List.of(api.send(worker, "GET", "/error", null, Caller.anonymous()),
                api.send(worker, "POST", "/error", "{}", Caller.operator()),
                api.send(worker, "GET", "/api/v1/nothing-here", null, Caller.operator()))) {
            assertRefused(answer, 404, "COMMON-404", answer.toString());
        }
        Reply wrongMethod = api.send(worker, "DELETE", "/api/v1/admin/campaigns/FLASH100", null, Caller.operator());
        assertRefused(wrongMethod, 405, "COMMON-001", wrongMethod.toString());
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET");
    }

    private List<HttpRequest.Builder> operatorRequests() {
        return DescribedApi.requests(handlers, worker.base(), "{\"status\":\"PAUSED\"}", Set.of());
    }

    private HttpRequest.Builder put(String path, String body) {
        return HttpRequest.newBuilder(worker.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
    }

    /** MySQL's rows and every Redis key with its serialised value: two equal snapshots mean nothing changed. */
    private Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new TreeMap<>();
        snapshot.put("coupons", jdbc.queryForList("SELECT * FROM coupons ORDER BY id"));
        snapshot.put("members", jdbc.queryForList("SELECT * FROM members ORDER BY id"));
        snapshot.put("coupon_issues", jdbc.queryForList("SELECT * FROM coupon_issues ORDER BY id"));
        snapshot.put("failed_coupon_issues", jdbc.queryForList("SELECT * FROM failed_coupon_issues ORDER BY id"));
        snapshot.put("campaign_audit", jdbc.queryForList("SELECT * FROM campaign_audit ORDER BY id"));
        for (String key : redis.keys("*")) {
            byte[] dump = redis.dump(key);
            snapshot.put("redis " + key, dump == null ? "<gone>" : Arrays.toString(dump));
        }
        return snapshot;
    }

    private static String describe(HttpRequest.Builder request) {
        HttpRequest built = request.copy().build();
        return built.method() + " " + built.uri().getPath();
    }

    private static void assertRefused(Reply answer, int status, String code, String what) {
        assertThat(answer.status()).as("%s %s", what, answer.body()).isEqualTo(status);
        assertThat(answer.success()).as(what).isFalse();
        assertThat(answer.code()).as(what).isEqualTo(code);
        assertThat(answer.body().path("error").path("message").asString()).as(what).isNotBlank();
    }
}
