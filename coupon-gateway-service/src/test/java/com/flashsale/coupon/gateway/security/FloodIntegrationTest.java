package com.flashsale.coupon.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.events.EventCodec;
import com.flashsale.coupon.gateway.support.GatewayTestProperties;
import com.flashsale.coupon.gateway.support.LedgerFixture;
import com.flashsale.coupon.kit.api.Caller;
import com.flashsale.coupon.kit.api.Credentials;
import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.api.Reply;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.load.Simultaneous;
import com.flashsale.coupon.kit.token.TokenIssuer;
import com.flashsale.coupon.testsupport.RecordingConsumer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OWASP API4 (unrestricted resource consumption): one client floods the issue endpoint while another
 * asks as usual, all at the same instant, over real HTTP behind a proxy that forwards each client's
 * address (the test runs on 127.0.0.1, which Tomcat trusts as a proxy). The flood is cut to its
 * allowance, per address and then per member, with 429 {@code RATE-001}; the other client gets every
 * answer; the refused requests change nothing in Redis or Kafka.
 *
 * <p>Limits of twenty requests per hour per address and five per member: nothing refills during
 * the test, so the counts are exact whatever order the requests arrive in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FloodIntegrationTest {

    private static final TokenIssuer tokens = TokenIssuer.forTests();
    @AutoClose
    private static final LedgerFixture ledger = new LedgerFixture();
    private static final AtomicInteger runs = new AtomicInteger();
    private static String topic;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        ledger.reset();
        topic = GatewayTestProperties.registerWithTokens(registry, tokens);
        registry.add("coupon.rate-limit.per-address.enabled", () -> true);
        registry.add("coupon.rate-limit.per-address.requests", () -> 20);
        registry.add("coupon.rate-limit.per-address.period", () -> "1h");
        registry.add("coupon.rate-limit.per-member.requests", () -> 5);
        registry.add("coupon.rate-limit.per-member.period", () -> "1h");
    }

    @BeforeEach
    void provision() {
        ledger.reset().openCampaign("FLASH100", 2, 100).members(1, 500, "ACTIVE");
    }


    @Test
    void aFloodingClientIsCutToItsAllowanceWhileAnotherGetsEveryAnswer() throws Exception {
        // Addresses and members of their own on every run, so the test can be repeated in one context.
        int run = runs.incrementAndGet();
        String flooderAddress = "203.0.113." + run;
        String otherAddress = "198.51.100." + run;
        long flooder = 2L * run;
        long other = 2L * run + 1;
        LocalTarget gateway = LocalTarget.port(port);
        String flooderToken = tokens.member(flooder);
        String otherToken = tokens.member(other);

        try (SaleClient api = SaleClient.ofService(port, Credentials.none());
                RecordingConsumer kafka = new RecordingConsumer(topic)) {
            List<Reply> answers = Simultaneous.run(103, i -> i < 100
                    ? api.send(issue(gateway, flooderToken, flooderAddress), Caller.anonymous())
                    : api.send(issue(gateway, otherToken, otherAddress), Caller.anonymous()));
            List<Reply> flood = answers.subList(0, 100);
            List<Reply> usual = answers.subList(100, 103);

            assertThat(usual).extracting(Reply::status).containsExactlyInAnyOrder(200, 409, 409);
            assertThat(flood).filteredOn(a -> a.status() == 200).hasSize(1);
            assertThat(flood).filteredOn(a -> a.status() == 409).extracting(Reply::code).containsOnly("COUPON-002").hasSize(4);
            List<Reply> refused = flood.stream().filter(a -> a.status() == 429).toList();
            assertThat(refused).hasSize(95).extracting(Reply::code).containsOnly("RATE-001");
            assertThat(refused).filteredOn(a -> a.header("RateLimit-Policy").startsWith("\"address\"")).hasSize(80);
            assertThat(refused).filteredOn(a -> a.header("RateLimit-Policy").startsWith("\"member\"")).hasSize(15);
            assertThat(refused).allSatisfy(a -> assertThat(Long.parseLong(a.header("Retry-After"))).isPositive());
            // Jittered: the refused do not all come back in the same second.
            assertThat(refused.stream().map(a -> a.header("Retry-After")).distinct().count()).isGreaterThan(1);

            assertThat(ledger.stock("FLASH100")).isEqualTo(98);
            assertThat(ledger.issuedMembers("FLASH100")).containsExactlyInAnyOrder(Long.toString(flooder), Long.toString(other));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventsOf(kafka, flooder, other)).hasSize(2));
            assertThat(eventsOf(kafka, flooder, other)).containsExactlyInAnyOrder(flooder, other);
        }
    }

    /** The members of the events Kafka received for {@code members} (earlier runs in this context published others). */
    private static List<Long> eventsOf(RecordingConsumer kafka, long... members) {
        List<Long> wanted = Arrays.stream(members).boxed().toList();
        return kafka.poll().stream().map(record -> EventCodec.couponIssued(record.value()).memberId())
                .filter(wanted::contains).toList();
    }

    private static HttpRequest.Builder issue(LocalTarget gateway, String token, String forwardedFor) {
        return HttpRequest.newBuilder(gateway.resolve("/api/v1/coupons/issue"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"couponCode\":\"FLASH100\"}"));
    }
}
