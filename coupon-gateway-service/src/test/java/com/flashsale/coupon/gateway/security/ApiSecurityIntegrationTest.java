package com.flashsale.coupon.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.events.EventCodec;
import com.flashsale.coupon.gateway.outbox.OutboxRelay;
import com.flashsale.coupon.gateway.support.GatewayTestProperties;
import com.flashsale.coupon.gateway.support.LedgerFixture;
import com.flashsale.coupon.kit.api.Caller;
import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.api.Reply;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.token.ForgedTokens;
import com.flashsale.coupon.kit.token.TokenCredentials;
import com.flashsale.coupon.kit.token.TokenIssuer;
import com.flashsale.coupon.testsupport.DescribedApi;
import com.flashsale.coupon.testsupport.RecordingConsumer;
import com.flashsale.coupon.web.BearerTokenSecurity;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The public API against the OWASP API Security Top 10 (2023), one test per item that applies to it,
 * over real HTTP with tokens signed by a test issuer. Every refusal is checked against the stores:
 * the Redis ledger is as it was, and Kafka received nothing (the relay publishes only what is in the
 * ledger's outbox; it runs at the end of each test, and only a witness's issuance arrives). MySQL is
 * not checked here: the gateway never touches it, and nothing reaches it but through Kafka.
 *
 * <p>API4 (resource consumption) is {@code FloodIntegrationTest}'s, with limits of its own. Not
 * applicable to the gateway: API6 (its business flow, one coupon per member, is the ledger's and the
 * limits'), API7 (it fetches no URL a client gives), API9 (one API, one version), API10 (it consumes
 * no third-party API).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiSecurityIntegrationTest {

    private static final TokenIssuer tokens = TokenIssuer.forTests();
    private static final LedgerFixture ledger = new LedgerFixture();
    private static final long WITNESS = 499;
    /**
     * The member API, the only handlers a member's token may reach. Every other handler is taken for an
     * operator's: a new endpoint is refused to members here until it is added to this list on purpose.
     */
    private static final Set<String> MEMBER_ENDPOINTS = Set.of("/api/v1/coupons/issue", "/api/v1/coupons/{couponCode}/issuance");
    /** What an error body must never show: a stack frame or a Java, Spring, Jackson or project type. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bat [a-z]+\\.|java\\.|jakarta\\.|org\\.springframework|org\\.apache|tools\\.jackson|com\\.fasterxml|com\\.flashsale|com\\.nimbusds|io\\.lettuce");
    private static String topic;
    private static RecordingConsumer kafka;
    private static int witnesses;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    OutboxRelay relay;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @AutoClose
    SaleClient api;

    LocalTarget gateway;

    private static final String ISSUE = "/api/v1/coupons/issue";
    /** An issue request naming no member: with tokens, the member is the token's. */
    private static final String FOR_THE_TOKENS_MEMBER = "{\"couponCode\":\"FLASH100\"}";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        // Before the context (and its relay) starts: outbox entries other tests left must not reach our topic.
        ledger.reset();
        topic = GatewayTestProperties.registerWithTokens(registry, tokens);
    }

    @BeforeEach
    void provision() {
        relay.stop();
        api = SaleClient.ofService(port, new TokenCredentials(tokens));
        gateway = LocalTarget.port(port);
        ledger.reset().openCampaign("FLASH100", 2, 100).members(1, 500, "ACTIVE");
        if (kafka == null) {
            kafka = new RecordingConsumer(topic);
        }
    }

    @AfterEach
    void restartRelay() {
        relay.start();
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
        }
        ledger.close();
    }

    /** API1, broken object level authorization: a member's token cannot issue to, or read about, another member. */
    @Test
    void api1MemberCannotActForAnotherMember() {
        Map<String, String> before = ledger.snapshot();

        assertRefused(api.send(gateway, "POST", ISSUE, "{\"couponCode\":\"FLASH100\",\"memberId\":8}", Caller.member(7)), 403, "AUTH-002");
        assertRefused(api.send(gateway, "GET", "/api/v1/coupons/FLASH100/issuance?memberId=8", null, Caller.member(7)), 403, "AUTH-002");

        assertThat(ledger.snapshot()).isEqualTo(before);
        assertOnlyTheWitnessReachesKafka();
    }

    /** API2, broken authentication: no token, or one that does not prove who sent it, is refused before anything happens. */
    @Test
    void api2EveryTokenThatProvesNothingIsRefused() {
        Map<String, String> before = ledger.snapshot();

        assertRefused(api.send(gateway, "POST", ISSUE, "{\"couponCode\":\"FLASH100\",\"memberId\":7}", Caller.anonymous()),
                401, "AUTH-001");
        for (Map.Entry<String, String> token : ForgedTokens.invalidTokens(tokens, "7").entrySet()) {
            Reply answer = api.send(withToken(HttpRequest.newBuilder(gateway.resolve(ISSUE)), token.getValue())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(FOR_THE_TOKENS_MEMBER)),
                    Caller.anonymous());
            assertThat(answer.status()).as(token.getKey()).isEqualTo(401);
            assertThat(answer.code()).as(token.getKey()).isEqualTo("AUTH-001");
            assertThat(answer.header("WWW-Authenticate")).as(token.getKey()).startsWith("Bearer error=\"invalid_token\"");
            assertThat(api.send(withToken(HttpRequest.newBuilder(gateway.resolve("/api/v1/coupons/FLASH100/issuance")),
                    token.getValue()), Caller.anonymous()).status())
                    .as(token.getKey()).isEqualTo(401);
        }

        assertThat(ledger.snapshot()).isEqualTo(before);
        assertOnlyTheWitnessReachesKafka();
    }

    /** API3, broken object property level authorization: a body with fields the API does not define, or two readings, is refused. */
    @Test
    void api3UnknownAndAmbiguousBodiesAreRefused() {
        Map<String, String> before = ledger.snapshot();

        for (String body : List.of(
                "{\"couponCode\":\"FLASH100\",\"memberId\":7,\"memberId\":8}",
                "{\"memberId\":8,\"couponCode\":\"FLASH100\",\"memberId\":7}",
                "{\"couponCode\":\"FLASH100\"}{\"couponCode\":\"ENDED50\"}",
                "{\"couponCode\":\"FLASH100\",\"stock\":1000}",
                "{\"couponCode\":\"FLASH100\",\"status\":\"ISSUED\",\"member\":{\"id\":8}}")) {
            Reply answer = api.send(gateway, "POST", ISSUE, body, Caller.member(7));
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.code()).as(body).isEqualTo("COMMON-001");
        }

        assertThat(ledger.snapshot()).isEqualTo(before);
        assertOnlyTheWitnessReachesKafka();
    }

    /**
     * API5, broken function level authorization: every operator endpoint, found from the handler
     * mappings so that a new one cannot be forgotten, refuses a member's token and an anonymous caller.
     */
    @Test
    void api5OperatorEndpointsRefuseMembersAndAnonymousCallers() {
        List<HttpRequest.Builder> operatorRequests = DescribedApi.requests(handlers, gateway.base(), "{}", MEMBER_ENDPOINTS);
        assertThat(operatorRequests).as("the gateway's operator endpoints").isNotEmpty();
        Map<String, String> before = ledger.snapshot();

        for (HttpRequest.Builder request : operatorRequests) {
            HttpRequest built = request.copy().build();
            assertRefused(api.send(request.copy(), Caller.member(7)), 403, "AUTH-002", built.method() + " " + built.uri());
            assertRefused(api.send(request.copy(), Caller.anonymous()), 401, "AUTH-001", built.method() + " " + built.uri());
        }

        assertThat(ledger.snapshot()).isEqualTo(before);
        assertOnlyTheWitnessReachesKafka();
    }

    /**
     * API8, security misconfiguration: the actuator answers on the management port only, and no error
     * body shows a stack trace or the name of an internal type.
     */
    @Test
    void api8NoActuatorOnThePublicPortAndNoInternalsInErrors() {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/env", "/actuator/beans",
                "/actuator/heapdump", "/actuator/health", "/actuator")) {
            assertThat(api.send(gateway, "GET", path, null, Caller.anonymous()).status())
                    .as("anonymous %s on the public port", path).isNotEqualTo(200);
            assertThat(api.send(gateway, "GET", path, null, Caller.member(7)).status()).as("member %s on the public port", path)
                    .isNotEqualTo(200);
        }
        assertThat(api.send(LocalTarget.port(managementPort), "GET", "/actuator/health/readiness", null, Caller.anonymous())
                .status()).isEqualTo(200);

        Map<String, String> before = ledger.snapshot();
        List<Reply> errors = new ArrayList<>();
        errors.add(api.send(gateway, "POST", ISSUE, "{\"couponCode\":\"FLASH100\",\"memberId\":\"seven\"}", Caller.member(7)));
        errors.add(api.send(gateway, "POST", ISSUE, "{\"couponCode\":[1,2]}", Caller.member(7)));
        errors.add(api.send(gateway, "POST", ISSUE, "<issue coupon=\"FLASH100\"/>", Caller.member(7)));
        errors.add(api.send(gateway, "POST", ISSUE, "{\"couponCode\":\"FLASH100\",\"memberId\":99999999999999999999}", Caller.member(7)));
        errors.add(api.send(gateway, "GET", "/api/v1/coupons/FLASH100/issuance?memberId=abc", null, Caller.member(7)));
        errors.add(api.send(gateway, "GET", "/api/v1/coupons/FLASH100/issuance?memberId=-1", null, Caller.member(7)));
        errors.add(api.send(gateway, "GET", "/api/v1/coupons/FLA%7DSH/issuance", null, Caller.member(7)));
        errors.add(api.send(gateway, "GET", "/api/v1/coupons/issue", null, Caller.member(7)));
        errors.add(api.send(HttpRequest.newBuilder(gateway.resolve(ISSUE))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("FLASH100")), Caller.member(7)));
        errors.add(api.send(gateway, "GET", "/api/v1/nothing-here", null, Caller.member(7)));
        errors.add(api.send(withToken(HttpRequest.newBuilder(gateway.resolve(ISSUE)), "eyJhbGciOiJSUzI1NiJ9.e30.AAAA")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(FOR_THE_TOKENS_MEMBER)),
                Caller.anonymous()));
        for (Reply error : errors) {
            assertThat(error.status()).as(error.body().toString()).isBetween(400, 499);
            assertThat(error.body().toString()).doesNotContainPattern(INTERNALS);
        }

        assertThat(ledger.snapshot()).isEqualTo(before);
        assertOnlyTheWitnessReachesKafka();
    }

    /**
     * API8 too: a path no endpoint serves is a 404 in the envelope, the error page's own path among
     * them (asked for directly it is no endpoint, and must not count as a server error), and the
     * document every 401 points to claims nothing the service does not do.
     */
    @Test
    void api8PathsNoEndpointServesAreNotFoundAndTheTokenMetadataIsTrue() {
        for (Reply answer : List.of(api.send(gateway, "GET", "/error", null, Caller.anonymous()),
                api.send(gateway, "POST", "/error", "{}", Caller.anonymous()),
                api.send(gateway, "GET", "/error", null, Caller.operator()),
                api.send(gateway, "GET", "/api/v1/nothing-here", null, Caller.operator()))) {
            assertRefused(answer, 404, "COMMON-404");
            assertThat(answer.header("Content-Type")).isEqualTo("application/json");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }

        Reply metadata = api.send(gateway, "GET", "/.well-known/oauth-protected-resource", null, Caller.anonymous());
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.body().path("tls_client_certificate_bound_access_tokens").asBoolean(true)).isFalse();
        assertThat(metadata.body().path("scopes_supported").toString()).contains(BearerTokenSecurity.OPERATOR_SCOPE);
    }

    /**
     * Every answer of the member API, accepted or refused, carries the headers every other answer does
     * (a member of its own, whose rate limit no other test used).
     */
    @Test
    void api8MemberAnswersCarryTheSecurityHeaders() {
        List<Reply> answers = List.of(api.send(gateway, "GET", "/api/v1/coupons/FLASH100/issuance", null, Caller.member(21)),
                api.send(gateway, "POST", ISSUE, "{\"couponCode\":\"FLASH100\",\"stock\":1}", Caller.member(21)),
                api.send(gateway, "POST", ISSUE, FOR_THE_TOKENS_MEMBER, Caller.anonymous()),
                api.send(gateway, "PUT", ISSUE, FOR_THE_TOKENS_MEMBER, Caller.member(21)));
        assertThat(answers).extracting(Reply::status).containsExactly(200, 400, 401, 405);
        for (Reply answer : answers) {
            assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(answer.toString()).isEqualTo("DENY");
            assertThat(answer.headers().allValues("Cache-Control")).as(answer.toString()).hasSize(1)
                    .allSatisfy(value -> assertThat(value).contains("no-store"));
        }
        assertThat(answers.get(3).header("Allow")).isEqualTo("POST");
    }

    private static HttpRequest.Builder withToken(HttpRequest.Builder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    /**
     * Starts the relay, issues one coupon to a witness, and waits until the relay has carried the
     * whole outbox to Kafka: everything the topic ever received must be a witness's issuance (one per
     * test so far), nothing a refused request asked for.
     */
    private void assertOnlyTheWitnessReachesKafka() {
        relay.start();
        assertThat(api.send(gateway, "POST", ISSUE, FOR_THE_TOKENS_MEMBER, Caller.member(WITNESS)).status()).isEqualTo(200);
        witnesses++;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ledger.outboxLength("FLASH100")).isZero();
            assertThat(kafka.poll()).hasSizeGreaterThanOrEqualTo(witnesses);
        });
        List<ConsumerRecord<String, String>> records = kafka.poll();
        assertThat(records).extracting(record -> EventCodec.couponIssued(record.value()).memberId())
                .containsOnly(WITNESS).hasSize(witnesses);
    }

    private static void assertRefused(Reply answer, int status, String code) {
        assertRefused(answer, status, code, "");
    }

    private static void assertRefused(Reply answer, int status, String code, String what) {
        assertThat(answer.status()).as("%s %s", what, answer.body()).isEqualTo(status);
        assertThat(answer.success()).as(what).isFalse();
        assertThat(answer.code()).as(what).isEqualTo(code);
        assertThat(answer.body().path("error").path("message").asString()).as(what).isNotBlank();
    }
}
