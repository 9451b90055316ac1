package com.flashsale.coupon.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.gateway.support.TrustedGatewayTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** What Prometheus scrapes from the gateway's management port after a few issue requests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "coupon.relay.enabled=false", "coupon.metrics.instance=gateway-test-1", "coupon.metrics.ledger-refresh=100ms"})
class PrometheusEndpointIntegrationTest extends TrustedGatewayTest {

    @LocalManagementPort
    int managementPort;

    @BeforeEach
    void provision() {
        ledger.reset().openCampaign("FLASH100", 2, 100).members(1, 10, "ACTIVE");
    }

    @Test
    void exposesIssueLatencyBucketsStockAndBacklogWithApplicationAndInstanceTags() throws Exception {
        assertThat(api.replyToIssue("FLASH100", 1).status()).isEqualTo(200);
        assertThat(api.replyToIssue("FLASH100", 1).status()).isEqualTo(409);

        // The relay is off, so the accepted issuance stays in the outbox.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(scrape("coupon_"))
                .contains("coupon_stock_remaining{application=\"coupon-gateway-service\",coupon=\"FLASH100\",instance=\"gateway-test-1\"} 99.0")
                .contains("coupon_outbox_backlog{application=\"coupon-gateway-service\",coupon=\"FLASH100\",instance=\"gateway-test-1\"} 1.0"));
        assertThat(scrape("coupon_issue_"))
                .contains("coupon_issue_latency_seconds_bucket{application=\"coupon-gateway-service\",instance=\"gateway-test-1\",le=\"+Inf\"} 2")
                .contains("coupon_issue_requests_total{application=\"coupon-gateway-service\",instance=\"gateway-test-1\",outcome=\"issued\"} 1.0")
                .contains("coupon_issue_requests_total{application=\"coupon-gateway-service\",instance=\"gateway-test-1\",outcome=\"already_issued\"} 1.0");
        // Buckets, not client-side percentiles: any quantile can then be computed across replicas in PromQL.
        assertThat(scrape("coupon_issue_latency_seconds_bucket")).hasSizeGreaterThan(20);
        assertThat(scrape("http_server_requests_seconds_bucket{")).isNotEmpty();
        assertThat(scrape("jvm_memory_used_bytes{")).isNotEmpty();
    }

    @Test
    void countsRateLimitRefusalsForEveryLimitFromTheStart() throws Exception {
        // Zero before any refusal, so a dashboard shows a flat line rather than "no data".
        assertThat(scrape("coupon_rate_limited_total")).containsExactlyInAnyOrder(
                "coupon_rate_limited_total{application=\"coupon-gateway-service\",instance=\"gateway-test-1\",limit=\"address\"} 0.0",
                "coupon_rate_limited_total{application=\"coupon-gateway-service\",instance=\"gateway-test-1\",limit=\"member\"} 0.0",
                "coupon_rate_limited_total{application=\"coupon-gateway-service\",instance=\"gateway-test-1\",limit=\"replica\"} 0.0");
    }

    @Test
    void readinessDependsOnTheRedisLedger() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"redisLedger\"");
    }

    /** The scraped lines starting with {@code prefix}. */
    private List<String> scrape(String prefix) throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().lines().filter(line -> line.startsWith(prefix)).toList();
    }

    private HttpResponse<String> get(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
