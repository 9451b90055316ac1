package com.flashsale.coupon.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.kit.api.Caller;
import com.flashsale.coupon.kit.api.Credentials;
import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.api.Reply;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.api.ServiceException;
import com.flashsale.coupon.kit.api.Services;
import com.flashsale.coupon.kit.token.TokenCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

/**
 * The worker as deployed: operators need their token for the campaign API, the sale reset and the
 * test-run stock init do not exist whatever the token, and probes and metrics answer on the management port.
 */
@ActiveProfiles("prod")
class ProdProfileIntegrationTest extends GuardedWorkerTest {

    @Test
    void hasNoSaleResetOrTestStockInitEvenForAnOperator() {
        try (SaleClient api = SaleClient.ofService(port, new TokenCredentials(tokens))) {
            Reply reset = api.send(LocalTarget.port(port), "POST", "/api/test/reset", "", Caller.operator());
            assertThat(reset.status()).isEqualTo(404);
            assertThat(reset.code()).isEqualTo("COMMON-404");
            assertThat(api.send(LocalTarget.port(port), "POST", "/api/v1/coupons/stock/init?couponCode=FLASH100&quantity=100",
                    "", Caller.operator()).status()).isEqualTo(404);
        }
        // What an operator driving a sale against it is told.
        try (SaleClient prod = new SaleClient(Services.of(LocalTarget.port(port), LocalTarget.port(port)),
                new TokenCredentials(tokens))) {
            assertThatThrownBy(prod::reset).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("no such operator endpoint").hasMessageContaining("prod profile");
        }
    }

    @Test
    void servesTheCampaignApiToOperatorsOnly() {
        String campaign = "/api/v1/admin/campaigns/NOPE";
        try (SaleClient api = SaleClient.ofService(port, new TokenCredentials(tokens))) {
            LocalTarget worker = LocalTarget.port(port);
            assertThat(api.send(worker, "GET", campaign, null, Caller.anonymous()).status()).isEqualTo(401);
            assertThat(api.send(worker, "GET", campaign, null, Caller.member(7)).status()).isEqualTo(403);
            Reply operator = api.send(worker, "GET", campaign, null, Caller.operator());
            assertThat(operator.status()).isEqualTo(404);
            assertThat(operator.code()).isEqualTo("COUPON-001");
        }
    }

    @Test
    void isReadyWhenItsStoresAreUpAndItsConsumersHaveJoined() {
        try (SaleClient api = SaleClient.ofService(managementPort, Credentials.none())) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Reply readiness = api.send(LocalTarget.port(managementPort), "GET", "/actuator/health/readiness", null,
                        Caller.anonymous());
                assertThat(readiness.status()).isEqualTo(200);
                assertThat(readiness.body().path("status").asString()).isEqualTo("UP");
            });
        }
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
