package com.flashsale.coupon.gateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.gateway.GatewayApplication;
import com.flashsale.coupon.gateway.support.GatewayTestProperties;
import com.flashsale.coupon.gateway.support.TrustedGatewayTest;
import com.flashsale.coupon.kit.api.Credentials;
import com.flashsale.coupon.kit.api.Reply;
import com.flashsale.coupon.kit.api.SaleClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sold-out campaigns answered from the gateway's copy: the same answers as the issue script, no
 * Redis command on the request path, and back to Redis within {@code coupon.sold-out.refresh} of
 * any change of stock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"coupon.relay.enabled=false", "coupon.sold-out.refresh=" + SoldOutAnswersIntegrationTest.BOUND_MILLIS + "ms"})
class SoldOutAnswersIntegrationTest extends TrustedGatewayTest {

    /**
     * Four times the default: versions are read every second and a copy answers for four seconds
     * after its last confirmation, so only a machine too busy to run the background task for three
     * seconds lets a lease run out in the middle of a test. Redis would then answer, rightly, and
     * the test counting Redis commands would count it.
     */
    static final long BOUND_MILLIS = 4_000;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    SoldOutCampaigns soldOut;

    @Autowired
    MemberDirectory members;

    @Autowired
    SoldOutReads reads;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void sellOut() {
        // A code of its own per test: a copy from the previous test may outlive the reset by up to the bound.
        ledger.reset().members(1, 100, "ACTIVE").members(101, 101, "INACTIVE");
        await().atMost(PATIENCE).until(() -> members.knownActive(100));
    }

    @Test
    void answersHoldersAndOthersFromTheCopyWithoutARedisCommand() {
        String code = soldOutCampaign("ANSWERS", 3);
        long scripts = ledger.calls("evalsha");
        long memberReads = ledger.calls("hget");
        long commands = totalCommands();

        List<Reply> answers = new ArrayList<>();
        for (long member = 1; member <= 100; member++) {
            answers.add(api.replyToIssue(code, member));
        }

        assertThat(answers.subList(0, 3)).allSatisfy(answer -> assertRefused(answer, "COUPON-002"));
        assertThat(answers.subList(3, 100)).allSatisfy(answer -> assertRefused(answer, "COUPON-003"));
        assertThat(ledger.calls("evalsha")).isEqualTo(scripts);
        assertThat(ledger.calls("hget")).isEqualTo(memberReads);
        // The background reads (a GET of each version per quarter of the bound, the mirror's, the
        // gauges') are all Redis saw: far fewer than the hundred requests.
        assertThat(totalCommands() - commands).isLessThan(50);
        assertThat(meters.counter("coupon.soldout.answers", "outcome", "already_issued").count()).isGreaterThanOrEqualTo(3);
        assertThat(meters.counter("coupon.soldout.answers", "outcome", "sold_out").count()).isGreaterThanOrEqualTo(97);
        assertThat(ledger.issuedMembers(code)).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void unknownAndInactiveMembersAreStillRefusedAsSuch() {
        String code = soldOutCampaign("MEMBERS", 2);

        assertThat(api.replyToIssue(code, 999_999).code()).isEqualTo("MEMBER-001");
        assertThat(api.replyToIssue(code, 101).code()).isEqualTo("MEMBER-002");
        assertThat(soldOut.keeps(code)).isTrue();
    }

    @Test
    void aCouponReturnedAfterTheSellOutGoesToTheNextMemberWhoAsks() {
        String code = soldOutCampaign("RETURNED", 3);

        ledger.returnCoupon(code, 2);
        long returnedAt = System.nanoTime();

        assertIssuedWithinTheBound(api, code, 50, returnedAt);
        assertThat(ledger.issuedMembers(code)).containsExactlyInAnyOrder("1", "3", "50");
        assertThat(ledger.stock(code)).isZero();
        assertRefused(api.replyToIssue(code, 51), "COUPON-003");
        assertRefused(api.replyToIssue(code, 2), "COUPON-003");
    }

    @Test
    void aRaisedQuantitySellsAgain() {
        String code = soldOutCampaign("RAISED", 2);

        ledger.raiseQuantity(code, 2);
        long raisedAt = System.nanoTime();

        assertIssuedWithinTheBound(api, code, 60, raisedAt);
        assertThat(api.replyToIssue(code, 61).status()).isEqualTo(200);
        assertRefused(api.replyToIssue(code, 62), "COUPON-003");
        assertThat(ledger.issuedMembers(code)).containsExactlyInAnyOrder("1", "2", "60", "61");
    }

    @Test
    void twoGatewaysBothLearnOfReturnedStock() {
        String code = soldOutCampaign("TWO", 3);
        try (ConfigurableApplicationContext other = secondGateway()) {
            SaleClient otherApi = SaleClient.ofService(other.getEnvironment().getRequiredProperty("local.server.port", Integer.class),
                    Credentials.none());
            SoldOutCampaigns otherSoldOut = other.getBean(SoldOutCampaigns.class);
            assertRefused(otherApi.replyToIssue(code, 10), "COUPON-003");
            await().atMost(PATIENCE).until(() -> otherSoldOut.keeps(code));
            assertRefused(otherApi.replyToIssue(code, 10), "COUPON-003");

            ledger.returnCoupon(code, 1).returnCoupon(code, 2);
            long returnedAt = System.nanoTime();

            assertIssuedWithinTheBound(api, code, 70, returnedAt);
            assertIssuedWithinTheBound(otherApi, code, 71, returnedAt);
            assertThat(ledger.issuedMembers(code)).containsExactlyInAnyOrder("3", "70", "71");
        }
    }

    @Test
    void readsALargeCampaignInPagesAndRefusesOneAboveTheLimit() {
        String code = "LARGE";
        int holders = SoldOutReads.PAGE * 2 + 500;
        ledger.openCampaign(code, 12, holders);
        // What the issue script leaves after selling them all: holders scored by acceptance, no stock.
        Object[] scoresAndMembers = new Object[holders * 2];
        for (int member = 1; member <= holders; member++) {
            scoresAndMembers[member * 2 - 2] = (double) member;
            scoresAndMembers[member * 2 - 1] = Long.toString(member * 3L);
        }
        ledger.redis.zadd(LedgerKeys.forCoupon(code).issued(), scoresAndMembers);
        ledger.redis.set(LedgerKeys.forCoupon(code).stock(), "0");
        ledger.moveVersion(code);

        SoldOutReads.Read read = reads.read(code, holders);

        assertThat(read.outcome()).isEqualTo(SoldOutReads.Outcome.KEPT);
        assertThat(read.campaign().version()).isEqualTo(ledger.version(code));
        assertThat(read.campaign().holders()).hasSize(holders).isSorted().contains(3L, 3L * holders).doesNotContain(4L);
        assertThat(reads.read(code, holders - 1).outcome()).isEqualTo(SoldOutReads.Outcome.TOO_MANY_HOLDERS);
    }

    @Test
    void keepsNoCopyOfACampaignWhoseStockCameBackOrThatHasNoVersion() {
        String code = soldOutCampaign("BACK", 1);
        ledger.returnCoupon(code, 1);
        assertThat(reads.read(code, 1_000).outcome()).isEqualTo(SoldOutReads.Outcome.STOCK_LEFT);

        ledger.redis.set(LedgerKeys.forCoupon(code).stock(), "0");
        ledger.redis.del(LedgerKeys.forCoupon(code).version());
        assertThat(reads.read(code, 1_000).outcome()).isEqualTo(SoldOutReads.Outcome.NO_VERSION);
    }

    /** Sells a campaign of {@code quantity} to members 1..quantity, and waits until the gateway keeps its copy. */
    private String soldOutCampaign(String code, int quantity) {
        ledger.openCampaign(code, 20 + code.length(), quantity);
        for (long member = 1; member <= quantity; member++) {
            assertThat(api.replyToIssue(code, member).status()).isEqualTo(200);
        }
        assertRefused(api.replyToIssue(code, 99), "COUPON-003");
        await().atMost(PATIENCE).until(() -> soldOut.keeps(code));
        return code;
    }

    /**
     * Asks for the coupon until it is issued. Before that, refusals are allowed only for requests
     * sent less than the bound after the change: after it, every gateway must ask Redis.
     */
    private static void assertIssuedWithinTheBound(SaleClient api, String code, long member, long changedAt) {
        long boundEnd = changedAt + Duration.ofMillis(BOUND_MILLIS).toNanos();
        List<String> lateRefusals = new ArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> {
            long sentAt = System.nanoTime();
            Reply answer = api.replyToIssue(code, member);
            if (answer.status() != 200 && (sentAt - boundEnd >= 0 || !"COUPON-003".equals(answer.code()))) {
                lateRefusals.add(answer.code() + " sent " + (sentAt - changedAt) / 1_000_000 + " ms after the change");
            }
            return answer.status() == 200;
        });
        assertThat(lateRefusals).isEmpty();
    }

    private static void assertRefused(Reply answer, String code) {
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo(code);
    }

    private long totalCommands() {
        return ledger.redis.info("stats").lines().filter(line -> line.startsWith("total_commands_processed:"))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim())).findFirst().orElseThrow();
    }

    /** Another gateway on the same ledger, as another replica would be. */
    private static ConfigurableApplicationContext secondGateway() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--coupon.relay.enabled=false",
                "--coupon.sold-out.refresh=" + BOUND_MILLIS + "ms"));
        GatewayTestProperties.register((name, value) -> arguments.add("--" + name + "=" + value.get()));
        return new SpringApplicationBuilder(GatewayApplication.class).run(arguments.toArray(String[]::new));
    }
}
