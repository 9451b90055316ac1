package com.flashsale.coupon.kit.api;

import static com.flashsale.coupon.kit.support.StandInGateway.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashsale.coupon.kit.support.StandInGateway;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against stand-ins of both services on loopback that record what reached them. */
class SaleClientIntegrationTest {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger reconciliations = new AtomicInteger();
    private StandInGateway gateway;
    private StandInGateway worker;

    @BeforeEach
    void startServices() throws IOException {
        gateway = StandInGateway.withStock(100)
                .route("/api/v1/coupons/stock/", exchange -> reply(exchange, 200, """
                        {"success":true,"data":{"couponCode":"FLASH100","quantity":100,"stock":97,"issued":3,"outboxBacklog":1}}"""))
                .route("/actuator/health/readiness", exchange -> reply(exchange, 200, "{\"status\":\"UP\"}"))
                .route("/actuator/prometheus", exchange -> reply(exchange, 200, """
                        # TYPE coupon_issue_requests_total counter
                        coupon_issue_requests_total{outcome="issued"} 3.0
                        coupon_issue_requests_total{outcome="sold_out"} 5.0
                        coupon_issue_requests_totalx 9.0
                        """));
        worker = StandInGateway.withStock(0)
                .route("/api/test/reset", exchange -> reply(exchange, 200, """
                        {"success":true,"data":{"deletedCouponIssues":100,"deletedFailedCouponIssues":1,"deletedLedgerKeys":12,\
                        "provisionedCampaigns":3,"provisionedMembers":501}}"""))
                .route("/api/v1/coupons/stock/init", exchange -> reply(exchange, 200, """
                        {"success":true,"data":{"couponCode":"FLASH100","quantity":50,"status":"ACTIVE","stock":50}}"""))
                .route("/api/v1/admin/campaigns/", exchange -> reply(exchange, 200, """
                        {"success":true,"data":{"couponCode":"FLASH100","quantity":50,"status":"PAUSED","stock":50}}"""))
                .route("/api/v1/admin/members/", exchange -> reply(exchange, 200,
                        "{\"success\":true,\"data\":{\"memberId\":7,\"status\":\"INACTIVE\"}}"))
                .route("/api/v1/admin/reconciliation", exchange -> {
                    if (reconciliations.incrementAndGet() == 1) {
                        reply(exchange, 409, "{\"success\":false,\"error\":{\"code\":\"COMMON-004\",\"message\":\"busy\"}}");
                    } else {
                        reply(exchange, 200, """
                                {"success":true,"data":{"campaigns":3,"persistedFromRedis":2,"revoked":0,"restoredToRedis":1,\
                                "stockCorrected":1}}""");
                    }
                });
    }

    @AfterEach
    void stopServices() {
        gateway.close();
        worker.close();
    }

    @Test
    void operatorCallsCarryTheOperatorsCredentialsAndReadTheWorkersReports() {
        try (SaleClient client = client(TOKENS)) {
            assertThat(client.initStock("FLASH100", 50)).isEqualTo(new Campaign("FLASH100", 50, "ACTIVE", 50));
            assertThat(client.reset()).isEqualTo(new ResetReport(100, 1, 12, 3, 501));
            assertThat(client.campaignStatus("FLASH100", "PAUSED").status()).isEqualTo("PAUSED");
            client.memberStatus(7, "INACTIVE");
            assertThat(client.stock("FLASH100")).isEqualTo(new StockView("FLASH100", 100, 97, 3, 1));

            assertThat(seen).containsExactly(
                    "POST /api/v1/coupons/stock/init?couponCode=FLASH100&quantity=50 token Bearer s3cret body ",
                    "POST /api/test/reset token Bearer s3cret body ",
                    "PUT /api/v1/admin/campaigns/FLASH100/status token Bearer s3cret body {\"status\":\"PAUSED\"}",
                    "PUT /api/v1/admin/members/7/status token Bearer s3cret body {\"status\":\"INACTIVE\"}",
                    "GET /api/v1/coupons/stock/FLASH100 token Bearer s3cret body ");
        }
    }

    @Test
    void aReconciliationAlreadyRunningElsewhereIsNoRun() {
        try (SaleClient client = client(Credentials.none())) {
            assertThat(client.reconcile()).isEmpty();
            assertThat(client.reconcile()).contains(new Reconciliation(3, 2, 0, 1, 1));
            assertThat(seen).allMatch(line -> line.contains("token null"));
        }
    }

    @Test
    void issueRequestsGoToTheGatewayAndComeBackAsAnswers() {
        try (SaleClient client = client(TOKENS)) {
            Answer first = client.issue("FLASH100", 1);
            Answer again = client.issue("FLASH100", 1);

            assertThat(first.outcome()).isEqualTo(Outcome.ISSUED);
            assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
            assertThat(again.code()).isEqualTo("COUPON-002");
            // Each request carries its member's token, never the operator's.
            assertThat(gateway.headers()).isNotEmpty().allMatch(headers -> "Bearer member-1".equals(headers.get("authorization")));
            assertThat(gateway.connections()).as("a fresh connection per single request").isEqualTo(2);
        }
    }

    @Test
    void anyRequestCanBeSentAsItIs() {
        try (SaleClient client = client(Credentials.none())) {
            Reply reply = client.send(client.services().gateway(), "POST", "/api/v1/coupons/issue",
                    "{\"couponCode\":\"FLASH100\",\"memberId\":5}", Caller.member(5));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.success()).isTrue();
            assertThat(reply.data().path("memberId").asLong()).isEqualTo(5);
            assertThat(reply.code()).isNull();
        }
    }

    @Test
    void readsReadinessAndMetrics() throws IOException {
        try (SaleClient client = client(Credentials.none())) {
            assertThat(client.ready(client.services().gateway())).isTrue();
            assertThat(client.ready(LocalTarget.port(StandInGateway.closedPort()))).isFalse();
            assertThat(client.metric(client.services().gateway(), "coupon_issue_requests_total", "")).hasValue(8.0);
            assertThat(client.metric(client.services().gateway(), "coupon_issue_requests_total", "outcome=\"issued\""))
                    .hasValue(3.0);
            assertThat(client.metric(client.services().gateway(), "no_such_metric", "")).isEmpty();
        }
    }

    @Test
    void aClientBoundToNoSaleSendsOnlyToTheTargetsItIsGiven() throws IOException {
        LocalTarget gatewayTarget = LocalTarget.port(gateway.port());
        try (SaleClient client = SaleClient.forTargets(TOKENS, Timeouts.DEFAULT)) {
            assertThat(client.ready(gatewayTarget)).isTrue();
            assertThat(client.ready(LocalTarget.port(StandInGateway.closedPort()))).isFalse();
            assertThat(client.metric(gatewayTarget, "coupon_issue_requests_total", "")).hasValue(8.0);
            Reply reply = client.send(LocalTarget.port(worker.port()), "POST", "/api/test/reset", "", Caller.operator());
            assertThat(reply.status()).isEqualTo(200);
            // Readiness is asked anonymously; the metrics and the operator's request carry the operator's credentials.
            assertThat(seen).containsExactly("GET /actuator/health/readiness token null body ",
                    "GET /actuator/prometheus token Bearer s3cret body ", "POST /api/test/reset token Bearer s3cret body ");

            assertThatThrownBy(client::reset).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("bound to no gateway or worker");
            assertThatThrownBy(() -> client.issue("FLASH100", 1)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void saysWhatToDoWhenTheOperatorEndpointsAreNotThere() throws IOException {
        try (SaleClient hidden = new SaleClient(Services.of(LocalTarget.port(gateway.port()),
                LocalTarget.port(gateway.port())), Credentials.none())) {
            // The gateway has no reset: a plain 404, as a prod worker answers it.
            assertThatThrownBy(hidden::reset).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("no such operator endpoint").hasMessageContaining("prod profile");
            // An endpoint every profile has: the URL names another service, not a prod one.
            assertThatThrownBy(() -> hidden.campaign("FLASH100")).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("has no endpoint /api/v1/admin/campaigns/FLASH100")
                    .hasMessageContaining("--worker-url").hasMessageNotContaining("prod profile");
        }
        try (SaleClient down = new SaleClient(Services.local(gateway.port(), StandInGateway.closedPort()),
                Credentials.none())) {
            assertThatThrownBy(down::reset).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("cannot reach").hasMessageContaining("make run");
        }
        try (SaleClient client = client(Credentials.none())) {
            assertThatThrownBy(() -> client.initStock("{evil}", 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Bearer tokens as {@code kit.token.TokenCredentials} sends them; the stand-ins only record them. */
    private static final Credentials TOKENS = new Credentials() {
        @Override
        public Map<String, String> member(long memberId) {
            return Map.of(AUTHORIZATION, BEARER + "member-" + memberId);
        }

        @Override
        public Map<String, String> operator() {
            return Map.of(AUTHORIZATION, BEARER + "s3cret");
        }
    };

    private SaleClient client(Credentials credentials) {
        return new SaleClient(Services.local(gateway.port(), worker.port()), credentials);
    }

    private void reply(HttpExchange exchange, int status, String json) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " token "
                + exchange.getRequestHeaders().getFirst(Credentials.AUTHORIZATION) + " body " + body);
        answer(exchange, status, json);
    }
}
