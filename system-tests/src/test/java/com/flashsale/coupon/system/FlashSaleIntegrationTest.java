package com.flashsale.coupon.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.check.BadInputTrial;
import com.flashsale.coupon.kit.check.BadInputTrial.Refusal;
import com.flashsale.coupon.kit.check.BadRequest;
import com.flashsale.coupon.kit.check.InvariantChecker;
import com.flashsale.coupon.kit.check.Verdict;
import com.flashsale.coupon.kit.load.Burst;
import com.flashsale.coupon.kit.load.LoadResult;
import com.flashsale.coupon.kit.settle.Settle;
import com.flashsale.coupon.kit.settle.Settled;
import com.flashsale.coupon.kit.store.SaleState;
import com.flashsale.coupon.kit.store.StoreCounts;
import com.flashsale.coupon.kit.store.StoreProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed's scenario end to end on the real jars: the flash sale run exactly as an operator runs it
 * (the command line's {@code sale}, from the packaged {@code sale.jar}), then the duplicate and
 * bad-input cases through the sale kit, every row read from MySQL and Redis directly.
 */
class FlashSaleIntegrationTest {

    private static final String FLASH100 = "FLASH100";
    /** Far beyond a healthy run (a few seconds): a hung command fails the test instead of the build. */
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(5);

    @AutoClose
    private static SaleSystem system;
    @AutoClose
    private static SaleClient client;
    private static StoreProbe probe;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSystem() {
        SaleEnvironment environment = new SaleEnvironment();
        system = SaleSystem.start(environment, environment.worker(), environment.gateway("gateway", true)
                .withProperty("spring.data.redis.timeout", SaleEnvironment.GENEROUS_REDIS_DEADLINE));
        client = system.client();
        probe = environment.probe();
    }

    @BeforeEach
    void resetSale() {
        client.reset();
        assertThat(probe.counts(FLASH100).stock()).isEqualTo(100);
    }

    @Test
    void exactlyHundredOfFiveHundredSimultaneousMembersGetACouponAndEveryOneIsPersisted() throws Exception {
        Path summary = dir.resolve("sale.json");

        SaleJar.Run sale = new SaleJar().run(system.variables(), COMMAND_LIMIT, "sale",
                "--summary-file", summary.toString());

        assertThat(sale.exitCode()).as(sale.output()).isZero();
        assertThat(sale.output()).contains("members 1..500 ask once each", "settled after", "RESULT: PASS");
        JsonNode result = JsonMapper.builder().build().readTree(Files.readString(summary));
        assertThat(result.path("outcomes").properties()).extracting(Map.Entry::getKey, e -> e.getValue().asLong())
                .containsExactlyInAnyOrder(tuple("200", 100L),
                        tuple("409 COUPON-003", 400L));
        JsonNode verdicts = result.path("verdicts");
        assertThat(verdicts.propertyNames()).containsExactly("I1", "I2", "I3", "I4", "I5", "I6", "ANSWERS");
        verdicts.properties().forEach(verdict -> assertThat(verdict.getValue().path("status").asString())
                .as("%s: %s", verdict.getKey(), verdict.getValue().path("evidence").asString()).isEqualTo("PASS"));
        assertThat(verdicts.path("I3").path("evidence").asString())
                .as("every member told yes holds a row").startsWith("100 members told yes: 100 hold a row");

        SaleState state = probe.state(FLASH100);
        assertThat(state.counts().stock()).isZero();
        assertThat(state.counts().rows()).isEqualTo(100);
        assertThat(state.holders()).hasSize(100);
        assertThat(state.duplicateHolders()).isZero();
        assertThat(state.counts().failedRows()).isZero();
    }

    @Test
    void oneMemberFiringFiftyTimesGetsExactlyOneCoupon() throws Exception {
        LoadResult burst = Burst.of(client, FLASH100, LongStream.generate(() -> 77).limit(50).toArray()).fire();

        assertThat(burst.count(Outcome.ISSUED)).as("%s", burst.log().keyCounts()).isEqualTo(1);
        // With tokens the member's own limit (10 at once, then one a second) refuses most of the rest first.
        assertThat(burst.count(Outcome.DUPLICATE) + burst.count(Outcome.RATE_LIMITED)).as("%s", burst.log().keyCounts())
                .isEqualTo(49);
        assertThat(burst.count(Outcome.RATE_LIMITED)).as("%s", burst.log().keyCounts()).isBetween(30L, 40L);
        StoreCounts settled = settle().counts();
        assertThat(settled.rows()).isEqualTo(1);
        assertThat(probe.state(FLASH100).holders()).containsExactly(77L);
        assertThat(settled.stock()).isEqualTo(99);
    }

    @Test
    void refusedRequestsChangeNeitherRedisNorMySql() {
        assertThat(client.issue(FLASH100, 5).outcome()).isEqualTo(Outcome.ISSUED);
        assertThat(settle().counts().rows()).isEqualTo(1);

        BadInputTrial trial = BadInputTrial.run(client, probe, List.of(
                issue("the same member again", FLASH100, 5),
                issue("unknown member", FLASH100, 999_999),
                issue("inactive member", FLASH100, 501),
                issue("unknown coupon", "NO_SUCH_COUPON", 1),
                issue("ended campaign", "ENDED50", 1),
                BadRequest.issue("malformed JSON", 1, "{\"couponCode\":\"FLASH100\""),
                BadRequest.issue("negative memberId", 1, "{\"couponCode\":\"FLASH100\",\"memberId\":-3}"),
                BadRequest.issue("another member's memberId", 1, "{\"couponCode\":\"FLASH100\",\"memberId\":2}"),
                BadRequest.issue("oversized body", 1, "{\"couponCode\":\"FLASH100\",\"memberId\":1,\"x\":\""
                        + "y".repeat(8_000) + "\"}")), FLASH100, "ENDED50");

        assertThat(trial.refusals()).extracting(Refusal::status, Refusal::code).containsExactly(
                tuple(409, "COUPON-002"),
                tuple(404, "MEMBER-001"),
                tuple(403, "MEMBER-002"),
                tuple(404, "COUPON-001"),
                tuple(409, "COUPON-004"),
                tuple(400, "COMMON-001"),
                tuple(400, "COMMON-001"),
                tuple(403, "AUTH-002"),
                tuple(413, "COMMON-003"));
        Verdict i6 = new InvariantChecker().check(trial);
        assertThat(i6.status()).as(i6.evidence()).isEqualTo(Verdict.Status.PASS);
        assertThat(probe.counts(FLASH100).failedRows()).isZero();
    }

    /** The one row's way to MySQL: the outbox empty and both stores quiet. */
    private static Settled settle() {
        Settled settled = Settle.of(() -> probe.counts(FLASH100)).atMost(Duration.ofSeconds(60)).await();
        assertThat(settled.settled()).as("settled: %s", settled).isTrue();
        return settled;
    }

    private static BadRequest issue(String description, String couponCode, long memberId) {
        return BadRequest.issue(description, memberId, "{\"couponCode\":\"" + couponCode + "\",\"memberId\":" + memberId + "}");
    }
}
