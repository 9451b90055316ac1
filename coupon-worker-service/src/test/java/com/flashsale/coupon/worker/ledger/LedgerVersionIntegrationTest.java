package com.flashsale.coupon.worker.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.worker.LedgerScriptsTest;
import com.flashsale.coupon.worker.WorkerTestEnvironment;
import com.flashsale.coupon.worker.campaign.CampaignAdministration;
import com.flashsale.coupon.worker.deadletter.FailedIssuanceReplay;
import com.flashsale.coupon.worker.deadletter.ReplayOutcome;
import com.flashsale.coupon.worker.reconciliation.ReconciliationReport;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every worker script that changes a coupon's stock, holders or campaign moves the coupon's ledger
 * version, and only when it changed something: gateways answering a sold-out campaign from a copy
 * rely on it (the contract in {@link LedgerKeys}).
 */
class LedgerVersionIntegrationTest extends LedgerScriptsTest {

    @Autowired
    CampaignAdministration campaigns;

    @Autowired
    FailedIssuanceReplay replay;

    @BeforeEach
    void provisionedSale() {
        deleteIssuances();
        jdbc.update("UPDATE coupons SET quantity = 100, status = 'ACTIVE', ends_at = NULL WHERE code = 'FLASH100'");
        provisionIntoEmptyRedis();
    }

    @Test
    void provisioningWritesAVersionAndAnUnchangedPassKeepsIt() {
        String provisioned = version();
        assertThat(provisioned).isNotNull();

        provisioner.provisionAll();
        provisioner.provisionCampaign("FLASH100");

        assertThat(version()).isEqualTo(provisioned);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quantity = 150", "status = 'PAUSED'", "ends_at = '2099-01-01 00:00:00'"})
    void aChangedQuantityStatusOrWindowMovesTheVersion(String change) {
        String before = version();
        jdbc.update("UPDATE coupons SET " + change + " WHERE code = 'FLASH100'");

        provisioner.provisionCampaign("FLASH100");

        assertThat(version()).isNotEqualTo(before);
    }

    @Test
    void aLoweredQuantityMovesTheVersion() {
        String before = version();

        campaigns.changeQuantity("FLASH100", 60, null, "operator");

        assertThat(version()).isNotEqualTo(before);
        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo("60");
    }

    @Test
    void aRebuiltStockMovesTheVersion() {
        String before = version();
        redis.delete(FLASH100.stock());

        provisioner.provisionCampaign("FLASH100");

        assertThat(version()).isNotEqualTo(before);
    }

    @Test
    void aCompensationMovesTheVersionOnlyWhenItReturnsACoupon() {
        Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        acceptInLedger(21, acceptedAt);
        CouponIssued issued = CouponIssued.of("FLASH100:1-0", 2, "FLASH100", 21, acceptedAt);
        String before = version();

        assertThat(revoker.revoke(issued, "permanent failure")).isTrue();
        String afterRevoke = version();
        assertThat(afterRevoke).isNotEqualTo(before);

        assertThat(revoker.revoke(issued, "the same dead letter again")).isFalse();
        assertThat(version()).isEqualTo(afterRevoke);
    }

    @Test
    void aReplayMovesTheVersionOnlyWhenItGivesTheCouponAgain() {
        Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        acceptInLedger(51, acceptedAt);
        assertThat(revoker.revoke(CouponIssued.of("FLASH100:1-5", 2, "FLASH100", 51, acceptedAt), "permanent failure")).isTrue();
        long failure = jdbc.queryForObject("SELECT id FROM failed_coupon_issues WHERE member_id = 51", Long.class);

        redis.opsForValue().set(FLASH100.stock(), "0");
        String soldOut = version();
        assertThat(replay.replay(campaigns.find("FLASH100"), failure, "operator").outcome()).isEqualTo(ReplayOutcome.STILL_FAILED);
        assertThat(version()).isEqualTo(soldOut);

        redis.opsForValue().set(FLASH100.stock(), "5");
        assertThat(replay.replay(campaigns.find("FLASH100"), failure, "operator").outcome()).isEqualTo(ReplayOutcome.PERSISTED);
        assertThat(version()).isNotEqualTo(soldOut);
        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo("4");
    }

    @Test
    void aReconciliationRepairMovesTheVersionOnlyWhenItRepairs() {
        String before = version();
        assertThat(reconcile().stockCorrected()).isZero();
        assertThat(version()).isEqualTo(before);

        redis.opsForValue().set(FLASH100.stock(), "7");
        assertThat(reconcile().stockCorrected()).isEqualTo(1);

        assertThat(version()).isNotEqualTo(before);
        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo("100");
    }

    @Test
    void aReconciliationRestoringAHolderMovesTheVersion() {
        jdbc.update("INSERT INTO coupon_issues (coupon_id, member_id, event_id, accepted_at) VALUES (2, 31, 'e31', ?)",
                Timestamp.from(Instant.now().minusSeconds(300)));
        String before = version();

        assertThat(reconcile().restoredToRedis()).isEqualTo(1);

        assertThat(version()).isNotEqualTo(before);
    }

    @Test
    void aSaleResetMovesTheVersionAndKeepsIt() {
        acceptInLedger(41, Instant.now());
        String before = version();

        provisioner.rebuild();

        assertThat(version()).isNotNull().isNotEqualTo(before);
        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo("100");
    }

    @Test
    void aVersionLostWithTheWholeLedgerComesBackAsAValueItNeverHad() {
        String before = version();
        WorkerTestEnvironment.flushRedis(redis);

        provisioner.provisionAll();

        assertThat(Long.parseLong(version())).isGreaterThan(Long.parseLong(before));
    }

    private String version() {
        return redis.opsForValue().get(FLASH100.version());
    }

    private ReconciliationReport reconcile() {
        return reconciliation.runNow().orElseThrow(() -> new AssertionError("the reconciliation lock was not free"));
    }

    /** What the gateway's issue script does for an accepted member: it never moves the version. */
    private void acceptInLedger(long memberId, Instant acceptedAt) {
        redis.opsForZSet().add(FLASH100.issued(), Long.toString(memberId), acceptedAt.toEpochMilli());
        redis.opsForValue().decrement(FLASH100.stock());
    }
}
