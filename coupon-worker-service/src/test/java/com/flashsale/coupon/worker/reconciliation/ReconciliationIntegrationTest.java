package com.flashsale.coupon.worker.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.worker.LedgerScriptsTest;
import com.flashsale.coupon.worker.persistence.CouponIssueRows;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reconciliation against the real Redis ledger and MariaDB, with drift made on purpose. */
class ReconciliationIntegrationTest extends LedgerScriptsTest {

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void cleanSale() {
        startWithoutIssuances();
    }

    @Test
    void persistsAnAcceptanceRedisHoldsPastTheGracePeriod() {
        acceptInLedger(11, Instant.now().minusSeconds(120));

        ReconciliationReport report = reconcile();

        assertThat(report.persistedFromRedis()).isEqualTo(1);
        assertThat(rowsOf(11)).isEqualTo(1);
        assertThat(stock()).isEqualTo(99);
        assertThat(meters.counter("coupon.reconciliation.repairs", "kind", "persisted_from_redis").count())
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void leavesYoungAcceptancesToTheNormalPath() {
        acceptInLedger(12, Instant.now());

        ReconciliationReport report = reconcile();

        assertThat(report.repairs()).isZero();
        assertThat(rowsOf(12)).isZero();
    }

    @Test
    void restoresRowsTheLedgerLostAndCorrectsStock() {
        Instant acceptedAt = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("INSERT INTO coupon_issues (coupon_id, member_id, event_id, accepted_at) VALUES (2, 13, 'e13', ?)",
                CouponIssueRows.utcDateTime(acceptedAt));

        ReconciliationReport report = reconcile();

        assertThat(report.restoredToRedis()).isEqualTo(1);
        assertThat(report.stockCorrected()).isEqualTo(1);
        assertThat(redis.opsForZSet().score(FLASH100.issued(), "13")).isEqualTo((double) acceptedAt.toEpochMilli());
        assertThat(stock()).isEqualTo(99);
    }

    @Test
    void enforcesStockPlusIssuedEqualsQuantity() {
        acceptInLedger(14, Instant.now());
        redis.opsForValue().set(FLASH100.stock(), "42");

        ReconciliationReport report = reconcile();

        assertThat(report.stockCorrected()).isEqualTo(1);
        assertThat(stock()).isEqualTo(99);
    }

    @Test
    void revokesAnAcceptanceThatCanNeverBePersisted() {
        acceptInLedger(900_003, Instant.now().minusSeconds(120));

        ReconciliationReport report = reconcile();

        assertThat(report.revoked()).isEqualTo(1);
        assertThat(stock()).isEqualTo(100);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM failed_coupon_issues WHERE member_id = 900003",
                Long.class)).isEqualTo(1);
    }

    @Test
    void anAcceptanceRevokedByReconciliationAndThenByItsDeadLetterHasOneFailureRow() {
        Instant acceptedAt = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MILLIS);
        acceptInLedger(900_004, acceptedAt);
        assertThat(reconcile().revoked()).isEqualTo(1);

        // The same acceptance's outbox event reaches the dead-letter path later, under its own event id.
        CouponIssued deadLetter = CouponIssued.of("FLASH100:" + acceptedAt.toEpochMilli() + "-0", 2, "FLASH100",
                900_004, acceptedAt);
        assertThat(revoker.revoke(deadLetter, "persisting failed permanently")).isFalse();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM failed_coupon_issues WHERE member_id = 900004",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM failed_coupon_issues WHERE member_id = 900004",
                String.class)).isEqualTo("COMPENSATED");
        assertThat(stock()).isEqualTo(100);
    }

    @Test
    void aSecondRunFindsNothingLeftToRepair() {
        acceptInLedger(15, Instant.now().minusSeconds(120));
        redis.opsForValue().set(FLASH100.stock(), "7");
        assertThat(reconcile().repairs()).isEqualTo(2);

        assertThat(reconcile().repairs()).isZero();
    }

    private ReconciliationReport reconcile() {
        return reconciliation.runNow().orElseThrow(() -> new AssertionError("the reconciliation lock was not free"));
    }

    /** What the gateway's issue script does for an accepted member. */
    private void acceptInLedger(long memberId, Instant acceptedAt) {
        redis.opsForZSet().add(FLASH100.issued(), Long.toString(memberId), acceptedAt.toEpochMilli());
        redis.opsForValue().decrement(FLASH100.stock());
    }

    private long stock() {
        return Long.parseLong(redis.opsForValue().get(FLASH100.stock()));
    }

    private long rowsOf(long memberId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM coupon_issues WHERE coupon_id = 2 AND member_id = ?",
                Long.class, memberId);
    }
}
