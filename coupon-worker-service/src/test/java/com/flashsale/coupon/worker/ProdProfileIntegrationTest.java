package com.flashsale.coupon.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.testsupport.ApiClient;
import com.flashsale.coupon.testsupport.ApiClient.Answer;
import com.flashsale.coupon.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker as deployed: operators need their token, the sale reset does not exist whatever the
 * token, and probes and metrics answer on the management port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
@DirtiesContext
class ProdProfileIntegrationTest {

    private static final TestTokens tokens = new TestTokens();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        WorkerTestEnvironment.registerWithTokens(registry, tokens);
    }

    @Test
    void hasNoSaleResetEvenForAnOperator() {
        assertThat(new ApiClient(port).withToken(tokens.operator()).post("/api/test/reset", "").status()).isEqualTo(404);
    }

    @Test
    void servesOperatorsOnlyWithTheirToken() {
        String stockInit = "/api/v1/coupons/stock/init?couponCode=NOPE&quantity=100";
        assertThat(new ApiClient(port).post(stockInit, "").status()).isEqualTo(401);
        Answer operator = new ApiClient(port).withToken(tokens.operator()).post(stockInit, "");
        assertThat(operator.status()).isEqualTo(404);
        assertThat(operator.code()).isEqualTo("COUPON-001");
    }

    @Test
    void isReadyWhenItsStoresAreUpAndItsConsumersHaveJoined() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer readiness = new ApiClient(managementPort).get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.body().path("status").asString()).isEqualTo("UP");
        });
    }

    @Test
    void exposesThePersistenceMetricsToPrometheus() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("coupon_persisted_rows_total", "coupon_persisted_batch_size",
                    "coupon_persistence_dead_lettered_total");
        }
    }
}
