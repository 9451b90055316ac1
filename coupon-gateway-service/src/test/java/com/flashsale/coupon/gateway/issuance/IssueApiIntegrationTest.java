package com.flashsale.coupon.gateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.gateway.support.TrustedGatewayTest;
import com.flashsale.coupon.kit.api.Caller;
import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.api.Reply;
import com.flashsale.coupon.kit.load.Burst;
import com.flashsale.coupon.kit.load.LoadResult;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;

/** The public issue API over real HTTP against the real Redis ledger. */
// These tests judge what is decided, not how fast: a Redis starved of CPU on a busy machine must not
// turn a burst's answers into 503s here (the deadline itself is RedisOutageIntegrationTest's subject).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"coupon.relay.enabled=false", "spring.data.redis.timeout=15s"})
class IssueApiIntegrationTest extends TrustedGatewayTest {

    @BeforeEach
    void provision() {
        Instant now = Instant.now();
        ledger.reset()
                .openCampaign("FLASH100", 2, 100)
                .openCampaign("RUSH100", 6, 100)
                .campaign("ENDED50", 3, 50, "ACTIVE", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-12-31T00:00:00Z"))
                .campaign("PAUSED", 4, 50, "PAUSED", Instant.parse("2024-01-01T00:00:00Z"), null)
                .campaign("LATER", 5, 50, "ACTIVE", now.plus(1, ChronoUnit.DAYS), null)
                .members(1, 500, "ACTIVE")
                .members(501, 501, "INACTIVE");
    }

    @Test
    void issuesCouponAndRecordsItInTheLedgerAndOutbox() {
        Reply answer = api.replyToIssue("FLASH100", 7);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.success()).isTrue();
        assertThat(answer.body().path("data").path("couponCode").asString()).isEqualTo("FLASH100");
        assertThat(answer.body().path("data").path("memberId").asLong()).isEqualTo(7);
        assertThat(answer.body().path("timestamp").isMissingNode()).isFalse();
        assertThat(ledger.stock("FLASH100")).isEqualTo(99);
        assertThat(ledger.issuedMembers("FLASH100")).containsExactly("7");
        assertThat(ledger.outboxLength("FLASH100")).isEqualTo(1);
    }

    @Test
    void exactlyHundredOfFiveHundredSimultaneousMembersGetACoupon() throws Exception {
        // A campaign of its own: the gateway may answer a sold-out campaign from its copy for up to
        // coupon.sold-out.refresh after the next test's reset, which the other tests must not wait for.
        LoadResult burst = Burst.ofMembers(api, "RUSH100", 1, 500).fire();

        assertThat(burst.count(Outcome.ISSUED)).isEqualTo(100);
        assertThat(burst.log().all()).filteredOn(a -> a.status() == 409 && "COUPON-003".equals(a.code())).hasSize(400);
        assertThat(ledger.stock("RUSH100")).isZero();
        assertThat(ledger.issuedMembers("RUSH100")).hasSize(100).doesNotHaveDuplicates();
        assertThat(ledger.outboxLength("RUSH100")).isEqualTo(100);
    }

    @Test
    void refusesSecondIssueForSameMemberUnderConcurrency() throws Exception {
        long[] fiftyTimesMember42 = new long[50];
        Arrays.fill(fiftyTimesMember42, 42);
        LoadResult burst = Burst.of(api, "FLASH100", fiftyTimesMember42).fire();

        assertThat(burst.count(Outcome.ISSUED)).isEqualTo(1);
        assertThat(burst.log().all()).filteredOn(a -> a.status() == 409 && "COUPON-002".equals(a.code())).hasSize(49);
        assertThat(ledger.stock("FLASH100")).isEqualTo(99);
        assertThat(ledger.outboxLength("FLASH100")).isEqualTo(1);
    }

    @Test
    void refusesWhenSoldOutWithoutTouchingTheLedger() {
        ledger.openCampaign("TINY", 9, 1);
        assertThat(api.replyToIssue("TINY", 1).status()).isEqualTo(200);
        Map<String, String> before = ledger.snapshot();

        Reply answer = api.replyToIssue("TINY", 2);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("COUPON-003");
        assertThat(ledger.snapshot()).isEqualTo(before);
    }

    @Test
    void refusesUnknownMember() {
        assertRefusedWithoutChange(() -> api.replyToIssue("FLASH100", 999_999), 404, "MEMBER-001");
    }

    @Test
    void refusesInactiveMember() {
        assertRefusedWithoutChange(() -> api.replyToIssue("FLASH100", 501), 403, "MEMBER-002");
    }

    @Test
    void refusesUnknownCoupon() {
        assertRefusedWithoutChange(() -> api.replyToIssue("NOPE", 1), 404, "COUPON-001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ENDED50", "PAUSED", "LATER"})
    void refusesCampaignThatIsNotOpen(String couponCode) {
        assertRefusedWithoutChange(() -> api.replyToIssue(couponCode, 1), 409, "COUPON-004");
    }

    @Test
    void refusesDuplicateWithoutChange() {
        api.replyToIssue("FLASH100", 3);
        assertRefusedWithoutChange(() -> api.replyToIssue("FLASH100", 3), 409, "COUPON-002");
    }

    /** What each of these requests is answered is {@link IssueControllerTest}'s; here, that none of them changes anything. */
    @Test
    void badRequestsLeaveTheLedgerAsItWas() {
        Map<String, String> before = ledger.snapshot();

        LocalTarget gateway = LocalTarget.port(port);
        BadIssueRequests.MALFORMED_BODIES.forEach(body -> api.send(gateway, "POST", BadIssueRequests.PATH, body, Caller.anonymous()));
        api.send(gateway, "POST", BadIssueRequests.PATH, BadIssueRequests.OVERSIZED_BODY, Caller.anonymous());
        api.send(HttpRequest.newBuilder(gateway.resolve(BadIssueRequests.PATH))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(BadIssueRequests.FORM_BODY)), Caller.anonymous());
        api.send(gateway, "GET", BadIssueRequests.PATH, null, Caller.anonymous());
        api.send(HttpRequest.newBuilder(gateway.resolve(BadIssueRequests.PATH))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(BadIssueRequests.YAML_BODY)), Caller.anonymous());
        BadIssueRequests.NOT_JSON_ACCEPTED.forEach(accept -> api.send(HttpRequest.newBuilder(gateway.resolve(BadIssueRequests.PATH))
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(BadIssueRequests.VALID_BODY)), Caller.anonymous()));

        assertThat(ledger.snapshot()).isEqualTo(before);
    }

    /** Tomcat, not MockMvc: a chunked body really arrives without a length. */
    @Test
    void refusesABodyOfUnknownLengthWithoutReadingIt() {
        Map<String, String> before = ledger.snapshot();

        Reply answer = api.send(HttpRequest.newBuilder(LocalTarget.port(port).resolve(BadIssueRequests.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(BadIssueRequests.VALID_BODY.getBytes(StandardCharsets.UTF_8)))),
                Caller.anonymous());

        assertThat(answer.status()).isEqualTo(411);
        assertThat(answer.code()).isEqualTo("COMMON-001");
        assertThat(ledger.snapshot()).isEqualTo(before);
    }

    private void assertRefusedWithoutChange(java.util.function.Supplier<Reply> request, int status, String code) {
        Map<String, String> before = ledger.snapshot();

        Reply answer = request.get();

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.success()).isFalse();
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.body().path("error").path("message").asString()).isNotBlank();
        assertThat(ledger.snapshot()).isEqualTo(before);
    }

}
