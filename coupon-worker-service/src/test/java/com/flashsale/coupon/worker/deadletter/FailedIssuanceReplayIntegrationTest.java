package com.flashsale.coupon.worker.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.kit.load.Simultaneous;
import com.flashsale.coupon.worker.OpenWorkerStoresTest;
import com.flashsale.coupon.worker.campaign.CampaignAdministration;
import com.flashsale.coupon.worker.campaign.CampaignStatus;
import com.flashsale.coupon.worker.campaign.CampaignView;
import com.flashsale.coupon.worker.compensation.IssuanceRevoker;
import com.flashsale.coupon.worker.reconciliation.ReconciliationRunner;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replaying failed issuances against the real MySQL and Redis, the failures made the way production
 * makes them: the gateway's issue script accepts, the revoker gives up (failed row, coupon back in
 * stock). Then the replay alone, twice, at once with itself, racing a sale, and racing reconciliation:
 * never oversold, never a second coupon, and the ledger and MySQL agree afterwards.
 */
@SpringBootTest(properties = "coupon.reconciliation.grace-period=0s")
@AutoConfigureMockMvc
@ActiveProfiles("local")
class FailedIssuanceReplayIntegrationTest extends OpenWorkerStoresTest {

    private static final AtomicLong MEMBERS = new AtomicLong(900_000);

    @Autowired
    FailedIssuanceReplay replay;

    @Autowired
    CampaignAdministration campaigns;

    @Autowired
    IssuanceRevoker revoker;

    @Autowired
    ReconciliationRunner reconciliation;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MockMvc mvc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void provision() {
        provisionIntoEmptyRedis();
    }

    @Test
    void staysFailedUntilItsCauseIsFixedThenPersistsIt() throws Exception {
        CampaignView campaign = newCampaign(10);
        long member = MEMBERS.incrementAndGet();
        Failure failure = acceptAndGiveUp(campaign, member);
        assertThat(stock(campaign)).isEqualTo(10);
        double persistedBefore = replays("persisted");

        ReplayResult refused = replay.replay(campaign, failure.id(), "alice");

        assertThat(refused.outcome()).isEqualTo(ReplayOutcome.STILL_FAILED);
        assertThat(refused.reason()).isEqualTo("member " + member + " does not exist");
        assertThat(stock(campaign)).isEqualTo(10);
        assertThat(holder(campaign, member)).isNull();
        assertThat(failedRow(failure.id())).containsEntry("status", "COMPENSATED").containsEntry("replay_attempts", 1)
                .containsEntry("replayed_by", "alice");

        fixMember(member);
        ReplayResult persisted = replay.replay(campaign, failure.id(), "alice");

        assertThat(persisted.outcome()).isEqualTo(ReplayOutcome.PERSISTED);
        assertThat(stock(campaign)).isEqualTo(9);
        assertThat(holder(campaign, member)).isEqualTo((double) failure.acceptedAt().toEpochMilli());
        assertThat(jdbc.queryForMap("SELECT event_id, accepted_at FROM coupon_issues WHERE coupon_id = ? AND member_id = ?",
                campaign.id(), member)).containsEntry("event_id", failure.eventId());
        assertThat(failedRow(failure.id())).containsEntry("status", "REPLAYED").containsEntry("replay_attempts", 2)
                .containsEntry("reason", "persisted by a replay; it had failed: member " + member + " does not exist");
        assertThat(jdbc.queryForList("SELECT operator_name FROM campaign_audit WHERE coupon_id = ? AND action = ?",
                String.class, campaign.id(), "ISSUANCE_REPLAYED")).containsExactly("alice", "alice");
        assertThat(replays("persisted")).isEqualTo(persistedBefore + 1);
    }

    @Test
    void aSecondReplayChangesNothing() {
        CampaignView campaign = newCampaign(10);
        Failure failure = fixedFailure(campaign);
        assertThat(replay.replayAll(campaign, "local").persisted()).isEqualTo(1);
        Snapshot after = snapshot(campaign);

        assertThat(replay.replay(campaign, failure.id(), "local").outcome()).isEqualTo(ReplayOutcome.ALREADY_RESOLVED);
        assertThat(replay.replayAll(campaign, "local").results()).isEmpty();

        assertThat(snapshot(campaign)).isEqualTo(after);
    }

    /**
     * A failure that stays failed stays open: the next replay of them all tries it again, and each try is
     * an attempt more and an audit entry more.
     */
    @Test
    void replaysAFailureThatStaysFailedAgainOnEveryCall() {
        CampaignView campaign = newCampaign(10);
        Failure failure = acceptAndGiveUp(campaign, MEMBERS.incrementAndGet());

        for (int call = 1; call <= 2; call++) {
            ReplayReport report = replay.replayAll(campaign, "alice");

            assertThat(report.stillFailed()).isEqualTo(1);
            assertThat(report.results()).extracting(ReplayResult::failedIssuanceId).containsExactly(failure.id());
            assertThat(failedRow(failure.id())).containsEntry("status", "COMPENSATED").containsEntry("replay_attempts", call);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_audit WHERE coupon_id = ? AND action = ?",
                    Long.class, campaign.id(), "ISSUANCE_REPLAYED")).isEqualTo(call);
        }
    }

    /**
     * A failure another operator's replay closes while the replay of them all waits for its row: that
     * replay answers it ALREADY_RESOLVED, and its report counts it with the others. The other replay
     * holds the row until this one is seen waiting for it, so the order is certain.
     */
    @Test
    void countsAFailureAnotherReplayClosedMeanwhileInTheReport() throws Exception {
        CampaignView campaign = newCampaign(10);
        Failure failure = fixedFailure(campaign);
        CountDownLatch rowHeld = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService operators = Executors.newFixedThreadPool(2);
        try {
            Future<ReplayResult> first = operators.submit(() -> transactions.execute(status -> {
                ReplayResult result = replay.replay(campaign, failure.id(), "first");
                rowHeld.countDown();
                awaitQuietly(commit);
                return result;
            }));
            assertThat(rowHeld.await(30, TimeUnit.SECONDS)).as("the first replay holds the row").isTrue();
            Future<ReplayReport> all = operators.submit(() -> replay.replayAll(campaign, "second"));
            await().atMost(Duration.ofSeconds(30)).until(this::aReplayWaitsForAFailedIssuancesRow);
            commit.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS).outcome()).isEqualTo(ReplayOutcome.PERSISTED);
            ReplayReport report = all.get(30, TimeUnit.SECONDS);
            assertThat(report.results()).extracting(ReplayResult::outcome).containsExactly(ReplayOutcome.ALREADY_RESOLVED);
            assertThat(report.alreadyResolved()).isEqualTo(1);
            assertThat(report.persisted() + report.alreadyHeld() + report.stillFailed() + report.alreadyResolved())
                    .isEqualTo(report.results().size());
        } finally {
            commit.countDown();
            operators.shutdownNow();
        }
        assertThat(rows(campaign)).isEqualTo(1);
        assertThat(stock(campaign)).isEqualTo(9);
    }

    @Test
    void staysFailedWhileTheCampaignIsPausedTheMemberInactiveOrTheStockGone() {
        CampaignView campaign = newCampaign(2);
        Failure failure = fixedFailure(campaign);
        Snapshot before = snapshot(campaign);

        campaigns.changeStatus(campaign.couponCode(), CampaignStatus.PAUSED, null, "local");
        assertThat(replay.replay(campaigns.find(campaign.couponCode()), failure.id(), "local").reason()).contains("PAUSED");
        campaigns.changeStatus(campaign.couponCode(), CampaignStatus.ACTIVE, null, "local");
        jdbc.update("UPDATE members SET status = 'INACTIVE' WHERE id = ?", failure.memberId());
        assertThat(replay.replay(campaign, failure.id(), "local").reason()).contains("INACTIVE");
        jdbc.update("UPDATE members SET status = 'ACTIVE' WHERE id = ?", failure.memberId());
        gateway().issue(campaign.couponCode(), 1);
        gateway().issue(campaign.couponCode(), 2);
        ReplayResult soldOut = replay.replay(campaign, failure.id(), "local");

        assertThat(soldOut.outcome()).isEqualTo(ReplayOutcome.STILL_FAILED);
        assertThat(soldOut.reason()).contains("sold out");
        assertThat(stock(campaign)).isZero();
        assertThat(holder(campaign, failure.memberId())).isNull();
        assertThat(rows(campaign)).isEqualTo(before.rows());
    }

    @Test
    void closesItWithoutACouponWhenTheMemberHoldsOneAnyway() {
        CampaignView campaign = newCampaign(10);
        Failure failure = fixedFailure(campaign);
        gateway().issue(campaign.couponCode(), failure.memberId());

        ReplayResult result = replay.replay(campaign, failure.id(), "local");

        assertThat(result.outcome()).isEqualTo(ReplayOutcome.ALREADY_HELD);
        assertThat(failedRow(failure.id())).containsEntry("status", "SUPERSEDED");
        assertThat(stock(campaign)).isEqualTo(9);
        assertThat(holder(campaign, failure.memberId())).isNotEqualTo((double) failure.acceptedAt().toEpochMilli());
        assertThat(rows(campaign)).isZero();
    }

    @Test
    void simultaneousReplaysOfOneFailureIssueOneCoupon() throws Exception {
        CampaignView campaign = newCampaign(10);
        Failure failure = fixedFailure(campaign);

        List<ReplayResult> results = Simultaneous.run(8, i -> replay.replay(campaign, failure.id(), "op" + i));

        assertThat(results).filteredOn(r -> r.outcome() == ReplayOutcome.PERSISTED).hasSize(1);
        assertThat(results).filteredOn(r -> r.outcome() == ReplayOutcome.ALREADY_RESOLVED).hasSize(7);
        assertThat(stock(campaign)).isEqualTo(9);
        assertThat(rows(campaign)).isEqualTo(1);
    }

    /**
     * Twenty replays and a sale of forty-five members for thirty coupons, all at once: the ledger never
     * gives more than thirty, no member twice, and a failure stays open only because the stock is gone.
     */
    @Test
    void neverOversellsNorGivesASecondCouponWhenReplaysRaceTheSale() throws Exception {
        for (int round = 0; round < 5; round++) {
            CampaignView campaign = newCampaign(30);
            List<Failure> failures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                failures.add(fixedFailure(campaign));
            }
            // Forty members who never failed, and five of the failed ones asking again themselves.
            List<Long> buyers = new ArrayList<>();
            for (long member = 1; member <= 40; member++) {
                buyers.add(member);
            }
            failures.subList(0, 5).forEach(failure -> buyers.add(failure.memberId()));
            LedgerKeys keys = LedgerKeys.forCoupon(campaign.couponCode());
            long outboxBefore = redis.opsForStream().size(keys.outbox());

            Simultaneous.run(failures.size() + buyers.size(), i -> i < failures.size()
                    ? replay.replay(campaign, failures.get(i).id(), "race")
                    : gateway().issue(campaign.couponCode(), buyers.get(i - failures.size())));

            Map<Long, Double> holders = holders(campaign);
            long stock = stock(campaign);
            assertThat(holders.size()).as("I1: issued").isLessThanOrEqualTo(30);
            assertThat(stock).isNotNegative();
            assertThat(stock + holders.size()).isEqualTo(30);
            // Every holder is a sale's acceptance (an outbox entry) or a replayed failure: nothing else gives.
            assertThat(redis.opsForStream().size(keys.outbox()) - outboxBefore + replayed(campaign))
                    .isEqualTo(holders.size());
            for (Failure failure : failures) {
                Map<String, Object> row = failedRow(failure.id());
                Double score = holders.get(failure.memberId());
                switch ((String) row.get("status")) {
                    case "REPLAYED" -> assertThat(score).isEqualTo((double) failure.acceptedAt().toEpochMilli());
                    case "SUPERSEDED" -> assertThat(score).isNotNull()
                            .isNotEqualTo((double) failure.acceptedAt().toEpochMilli());
                    default -> {
                        // I4: only a sold-out campaign leaves a fixed failure open.
                        assertThat(row.get("reason")).asString().contains("sold out");
                        assertThat(stock).isZero();
                        assertThat(score).isNull();
                    }
                }
            }
            assertThat(rows(campaign)).as("I2: one row per replayed member").isEqualTo(replayed(campaign));
        }
    }

    /**
     * Replaying while reconciliation runs: afterwards the ledger and MySQL name the same holders and
     * stock + issued == quantity, without another reconciliation.
     */
    @Test
    void agreesWithTheLedgerWhenReplaysRaceReconciliation() throws Exception {
        for (int round = 0; round < 5; round++) {
            CampaignView campaign = newCampaign(30);
            for (int i = 0; i < 15; i++) {
                fixedFailure(campaign);
            }
            // Accepted a while ago and not persisted yet: reconciliation persists them meanwhile.
            for (long member = 1; member <= 5; member++) {
                gateway().issue(campaign.couponCode(), member, Instant.now().minusSeconds(120));
            }

            Simultaneous.run(2, i -> i == 0 ? replay.replayAll(campaign, "race") : reconciliation.runNow());

            Map<Long, Double> inLedger = holders(campaign);
            List<Long> inMySql = jdbc.queryForList("SELECT member_id FROM coupon_issues WHERE coupon_id = ?", Long.class,
                    campaign.id());
            assertThat(inMySql).as("I5: MySQL holds whom the ledger holds").containsExactlyInAnyOrderElementsOf(
                    inLedger.keySet());
            assertThat(inLedger).hasSize(20);
            assertThat(stock(campaign) + inLedger.size()).isEqualTo(30);
        }
    }

    @Test
    void answersTheCountsHoldersAndFailuresOfACampaign() throws Exception {
        CampaignView campaign = newCampaign(10);
        long lost = MEMBERS.incrementAndGet();
        acceptAndGiveUp(campaign, lost);
        Failure failure = fixedFailure(campaign);
        gateway().issue(campaign.couponCode(), 3);
        String base = "/api/v1/admin/campaigns/" + campaign.couponCode();

        mvc.perform(post(base + "/failed-issuances/" + failure.id() + "/replay"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.outcome").value("PERSISTED"))
                .andExpect(jsonPath("$.data.status").value("REPLAYED"));
        mvc.perform(post(base + "/failed-issuances/replay"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"data": {"stillFailed": 1, "persisted": 0, "alreadyHeld": 0, "alreadyResolved": 0}}"""))
                .andExpect(jsonPath("$.data.results[0].memberId").value(lost))
                .andExpect(jsonPath("$.data.results[0].reason").value("member " + lost + " does not exist"));
        mvc.perform(get(base + "/issuances"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"data": {"quantity": 10, "stock": 8, "acceptedInLedger": 2, "outboxBacklog": 3,
                                  "persisted": 1, "failed": 1, "compensated": 1, "replayed": 1}}"""));
        mvc.perform(get(base + "/holders"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.totalItems").value(1))
                .andExpect(jsonPath("$.data.items[0].memberId").value(failure.memberId()))
                .andExpect(jsonPath("$.data.items[0].eventId").value(failure.eventId()));
        mvc.perform(get(base + "/failed-issuances").param("status", "COMPENSATED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.totalItems").value(1))
                .andExpect(jsonPath("$.data.items[0].memberId").value(lost))
                .andExpect(jsonPath("$.data.items[0].replayAttempts").value(1));
        // An id of another campaign is not this campaign's failure.
        CampaignView other = newCampaign(5);
        mvc.perform(post("/api/v1/admin/campaigns/" + other.couponCode() + "/failed-issuances/" + failure.id() + "/replay"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("ISSUANCE-001"));
        mvc.perform(get("/api/v1/admin/campaigns/NOPE/issuances"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("COUPON-001"));
    }

    private CampaignView newCampaign(int quantity) {
        String code = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return campaigns.create(code, "Replay " + code, quantity, Instant.now().minusSeconds(600), null, "local");
    }

    /** Accepted by the gateway's script, then given up on as the dead-letter processor does: a compensated failure. */
    private Failure acceptAndGiveUp(CampaignView campaign, long member) {
        Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(gateway().issue(campaign.couponCode(), member, acceptedAt)).isNotNegative();
        String eventId = campaign.couponCode() + ":" + acceptedAt.toEpochMilli() + "-" + member;
        assertThat(revoker.revoke(CouponIssued.of(eventId, campaign.id(), campaign.couponCode(), member, acceptedAt),
                "persisting failed permanently: member " + member + " missing")).isTrue();
        long id = jdbc.queryForObject("SELECT id FROM failed_coupon_issues WHERE event_id = ?", Long.class, eventId);
        return new Failure(id, member, eventId, acceptedAt);
    }

    /** A failure of a member of its own whose cause is then fixed: the member exists now. */
    private Failure fixedFailure(CampaignView campaign) {
        long member = MEMBERS.incrementAndGet();
        Failure failure = acceptAndGiveUp(campaign, member);
        fixMember(member);
        return failure;
    }

    private void fixMember(long member) {
        jdbc.update("INSERT INTO members (id, name, email, status) VALUES (?, ?, ?, 'ACTIVE') "
                + "ON DUPLICATE KEY UPDATE status = 'ACTIVE'", member, "Late " + member, "late" + member + "@example.com");
    }

    /**
     * A row lock asked for by the replay's statement and not granted yet: the statement is still running
     * on a connection of this test's database (the server shows a user its own connections).
     */
    private boolean aReplayWaitsForAFailedIssuancesRow() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() "
                + "AND ID <> CONNECTION_ID() AND INFO LIKE 'SELECT * FROM failed_coupon_issues WHERE id = % FOR UPDATE'",
                Long.class) > 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long stock(CampaignView campaign) {
        return Long.parseLong(redis.opsForValue().get(LedgerKeys.forCoupon(campaign.couponCode()).stock()));
    }

    private Double holder(CampaignView campaign, long member) {
        return redis.opsForZSet().score(LedgerKeys.forCoupon(campaign.couponCode()).issued(), Long.toString(member));
    }

    private Map<Long, Double> holders(CampaignView campaign) {
        Map<Long, Double> holders = new HashMap<>();
        for (TypedTuple<String> entry : redis.opsForZSet().rangeWithScores(LedgerKeys.forCoupon(campaign.couponCode()).issued(),
                0, -1)) {
            holders.put(Long.parseLong(entry.getValue()), entry.getScore());
        }
        return holders;
    }

    private long rows(CampaignView campaign) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM coupon_issues WHERE coupon_id = ?", Long.class, campaign.id());
    }

    private long replayed(CampaignView campaign) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM failed_coupon_issues WHERE coupon_id = ? AND status = 'REPLAYED'",
                Long.class, campaign.id());
    }

    private Map<String, Object> failedRow(long id) {
        return jdbc.queryForMap("SELECT status, reason, replay_attempts, replayed_by FROM failed_coupon_issues WHERE id = ?",
                id);
    }

    private double replays(String outcome) {
        return meters.counter("coupon.deadletter.replays", "outcome", outcome).count();
    }

    private Snapshot snapshot(CampaignView campaign) {
        return new Snapshot(stock(campaign), holders(campaign), rows(campaign),
                jdbc.queryForList("SELECT * FROM failed_coupon_issues WHERE coupon_id = ? ORDER BY id", campaign.id()));
    }

    private record Failure(long id, long memberId, String eventId, Instant acceptedAt) {
    }

    private record Snapshot(long stock, Map<Long, Double> holders, long rows, List<Map<String, Object>> failures) {
    }
}
