package com.flashsale.coupon.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.kit.check.Invariant;
import com.flashsale.coupon.kit.check.Verdict;
import com.flashsale.coupon.testsupport.TestServers;
import com.flashsale.coupon.testsupport.TestTopics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every baseline on a small load against the real servers, judged by the kit's checker: the correct
 * ones are exact, the racy one never oversells.
 */
class LabIntegrationTest {

    private static final LabLoad LOAD = LabLoad.doubleClicks(16, 200, 100, Duration.ofSeconds(60));

    private static LabServers servers;

    @BeforeAll
    static void servers() {
        TestServers.Endpoints e = TestServers.endpoints();
        servers = new LabServers(e.mysqlServerUrl(), e.mysqlUser(), e.mysqlPassword(), TestServers.createDatabase("coupon_lab"),
                e.redisHost(), e.redisPort(), 12, e.kafkaBootstrapServers(),
                TestTopics.unique("lab-coupon-issued-test-"));
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(servers.mysqlServerUrl(), servers.mysqlUser(), servers.mysqlPassword());
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + servers.database());
        }
    }

    @Test
    void pessimisticLockIssuesExactlyTheStockToDistinctMembers() throws Exception {
        assertExact(new PessimisticLock(servers));
    }

    @Test
    void pessimisticLockIssuesToEveryAttemptWhileStockIsLeft() throws Exception {
        LabLoad stockLeft = LabLoad.stockLeft(16, 200, Duration.ofSeconds(60));
        try (Baseline baseline = new PessimisticLock(servers)) {
            LabResult result = Lab.run(baseline, stockLeft);

            assertThat(result.finished()).isEqualTo(200);
            assertThat(result.issued()).isEqualTo(200);
            assertThat(result.holders()).isEqualTo(200);
            assertThat(result.duplicateRefusals() + result.soldOut() + result.failed()).isZero();
            assertThat(result.verdicts().allPass()).as(result.verdicts().lines().toString()).isTrue();
            assertThat(result.state().counts().stock()).isZero();
        }
    }

    @Test
    void redissonLockIssuesExactlyTheStockToDistinctMembers() throws Exception {
        assertExact(new RedissonLock(servers));
    }

    @Test
    void luaScriptIssuesExactlyTheStockAndKafkaAcknowledgesEveryEvent() throws Exception {
        assertExact(new LuaWithKafka(servers));
    }

    @Test
    void optimisticLockNeverOversellsNorDuplicates() throws Exception {
        try (Baseline baseline = new OptimisticLock(servers)) {
            LabResult result = Lab.run(baseline, LOAD);

            assertThat(result.oversell()).isZero();
            assertThat(result.duplicates()).isZero();
            // The store agrees with the answers: every yes is a row, stock and rows add up.
            assertPass(result, Invariant.I1, Invariant.I2, Invariant.I3, Invariant.I5);
        }
    }

    @Test
    void decrThenSismemberNeverOversellsAndItsStoreShowsEveryDuplicate() throws Exception {
        try (Baseline baseline = new DecrThenSismember(servers)) {
            LabResult result = Lab.run(baseline, LOAD);

            assertThat(result.oversell()).isZero();
            assertThat(result.issued()).isEqualTo(LOAD.stock());
            // A duplicate took a coupon from the stock but the set holds the member once. An event Kafka
            // refused would have given its coupon back (the member leaves the set): named if it happens.
            String refused = "events Kafka refused: " + result.state().failures();
            assertThat(result.state().redisIssued()).as(refused).hasSize((int) result.holders());
            assertThat(result.state().redisIssued().size() + result.duplicates()).as(refused).isEqualTo(LOAD.stock());
            assertPass(result, Invariant.I1);
            if (result.duplicates() > 0) {
                assertThat(result.verdicts().get(Invariant.I2).status()).isEqualTo(Verdict.Status.FAIL);
            }
        }
    }

    private static void assertExact(Baseline baseline) throws Exception {
        try (baseline) {
            LabResult result = Lab.run(baseline, LOAD);

            assertThat(result.finished()).isEqualTo(LOAD.attempts());
            assertThat(result.issued()).isEqualTo(LOAD.stock());
            assertThat(result.holders()).isEqualTo(LOAD.stock());
            // An attempt may give up (lock wait or retries exhausted on a busy machine) but never takes a coupon.
            assertThat(result.soldOut() + result.duplicateRefusals() + result.failed())
                    .isEqualTo(LOAD.attempts() - LOAD.stock());
            assertThat(result.verdicts().allPass()).as(result.verdicts().lines().toString()).isTrue();
            assertThat(result.state().counts().stock()).isZero();
        }
    }

    private static void assertPass(LabResult result, Invariant... invariants) {
        for (Invariant invariant : invariants) {
            assertThat(result.verdicts().get(invariant).status()).as(invariant + ": " + result.verdicts().lines())
                    .isEqualTo(Verdict.Status.PASS);
        }
    }
}
