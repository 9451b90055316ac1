package com.flashsale.coupon.worker.deadletter;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.worker.campaign.AuditAction;
import com.flashsale.coupon.worker.campaign.AuditTrail;
import com.flashsale.coupon.worker.campaign.CampaignStatus;
import com.flashsale.coupon.worker.campaign.CampaignView;
import com.flashsale.coupon.worker.compensation.IssuanceRevoker;
import com.flashsale.coupon.worker.issuance.FailedIssuance;
import com.flashsale.coupon.worker.issuance.FailedIssuances;
import com.flashsale.coupon.worker.issuance.FailureStatus;
import com.flashsale.coupon.worker.persistence.CouponIssueRows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-drives failed issuances once their cause is fixed. Each one, under a lock on its row: the member
 * and the campaign are checked in MySQL, then the ledger decides atomically (campaign active, member
 * holds none, stock left: never oversold, never a second coupon), then the row is written with the
 * batch insert's own idempotent statement. What cannot be persisted stays failed with its new reason;
 * a closed one is left alone, so a second replay changes nothing.
 *
 * <p>The ledger goes first, MySQL second, as for the gateway's issuances: a replay cut short between
 * the two leaves an old acceptance in the ledger that MySQL lacks, which reconciliation persists (and
 * the next replay finds and persists too). A database that fails transiently leaves that too: the
 * error reaches the operator, who may simply replay again.
 */
@Service
public record FailedIssuanceReplay(FailedIssuances failures, LedgerReplay ledger, CouponIssueRows rows,
        IssuanceRevoker revoker, AuditTrail audit, JdbcClient jdbc, TransactionTemplate transactions,
        Map<ReplayOutcome, Counter> outcomes) {

    private static final Logger log = LoggerFactory.getLogger(FailedIssuanceReplay.class);
    private static final List<FailureStatus> OPEN = List.of(FailureStatus.COMPENSATED, FailureStatus.NOT_IN_LEDGER);

    @Autowired
    FailedIssuanceReplay(FailedIssuances failures, LedgerReplay ledger, CouponIssueRows rows, IssuanceRevoker revoker,
            AuditTrail audit, JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        this(failures, ledger, rows, revoker, audit, jdbc, transactions, outcomeCounters(meters));
    }

    private static Map<ReplayOutcome, Counter> outcomeCounters(MeterRegistry meters) {
        Map<ReplayOutcome, Counter> outcomes = new EnumMap<>(ReplayOutcome.class);
        for (ReplayOutcome outcome : ReplayOutcome.values()) {
            outcomes.put(outcome, Counter.builder("coupon.deadletter.replays")
                    .description("Failed issuances replayed by an operator, by outcome")
                    .tag("outcome", outcome.tag())
                    .register(meters));
        }
        return outcomes;
    }

    public ReplayResult replay(CampaignView campaign, long failedIssuanceId, String operator) {
        return transactions.execute(status -> {
            FailedIssuance failed = failures.lockById(failedIssuanceId)
                    .filter(row -> row.couponId() == campaign.id())
                    .orElseThrow(() -> new UnknownFailedIssuanceException(campaign.couponCode(), failedIssuanceId));
            return replayLocked(campaign, failed, operator);
        });
    }

    /** Every open failed issuance of the campaign, oldest first, each in a transaction of its own. */
    public ReplayReport replayAll(CampaignView campaign, String operator) {
        List<ReplayResult> results = new ArrayList<>();
        for (long id : failures.idsOf(campaign.id(), OPEN)) {
            results.add(replay(campaign, id, operator));
        }
        return ReplayReport.of(results);
    }

    private ReplayResult replayLocked(CampaignView campaign, FailedIssuance failed, String operator) {
        if (!failed.status().open()) {
            return counted(failed, ReplayOutcome.ALREADY_RESOLVED);
        }
        var before = failed.view();
        ReplayOutcome outcome = redrive(campaign, failed, operator);
        audit.record(campaign.id(), operator, AuditAction.ISSUANCE_REPLAYED, before, failed.view());
        log.info("Replayed failed issuance {} (coupon {}, member {}): {}, {}", failed.id(), campaign.couponCode(),
                failed.memberId(), outcome, failed.reason());
        return counted(failed, outcome);
    }

    private ReplayOutcome redrive(CampaignView campaign, FailedIssuance failed, String operator) {
        Optional<String> refusal = refusal(campaign, failed);
        if (refusal.isPresent()) {
            failed.stillFailed(operator, refusal.get());
            return ReplayOutcome.STILL_FAILED;
        }
        if (holdsRow(campaign.id(), failed.memberId())) {
            failed.superseded(operator, "member " + failed.memberId() + " holds a coupon of " + campaign.couponCode()
                    + " already (in MySQL)");
            return ReplayOutcome.ALREADY_HELD;
        }
        CouponIssued acceptance = failed.acceptance(campaign.couponCode());
        LedgerReplay.Decision decision = ledger.decide(acceptance);
        if (decision == LedgerReplay.Decision.HOLDS_ANOTHER) {
            failed.superseded(operator, "member " + failed.memberId() + " holds a coupon of " + campaign.couponCode()
                    + " already (in the ledger, from a later acceptance)");
            return ReplayOutcome.ALREADY_HELD;
        }
        if (!decision.holds()) {
            failed.stillFailed(operator, ledgerRefusal(decision, campaign.couponCode()));
            return ReplayOutcome.STILL_FAILED;
        }
        try {
            rows.insertAll(List.of(acceptance));
        } catch (DataIntegrityViolationException e) {
            // The member or the campaign went away since the checks above: take the coupon back again.
            String reason = "replay could not persist: " + e.getMostSpecificCause().getMessage();
            revoker.revoke(acceptance, reason);
            failed.stillFailed(operator, reason);
            return ReplayOutcome.STILL_FAILED;
        }
        failed.replayed(operator);
        return ReplayOutcome.PERSISTED;
    }

    /** What MySQL says against it: the campaign must be active, the member must exist and be active. */
    private Optional<String> refusal(CampaignView campaign, FailedIssuance failed) {
        if (!failed.hasAcceptanceTime()) {
            return Optional.of("no acceptance time was recorded for it: the ledger cannot match it, it cannot be replayed");
        }
        if (campaign.status() != CampaignStatus.ACTIVE) {
            return Optional.of("campaign " + campaign.couponCode() + " is " + campaign.status() + ": it gives no coupon now");
        }
        Optional<String> member = jdbc.sql("SELECT status FROM members WHERE id = ?").param(failed.memberId())
                .query(String.class).optional();
        if (member.isEmpty()) {
            return Optional.of("member " + failed.memberId() + " does not exist");
        }
        if (!LedgerKeys.ACTIVE.equals(member.get())) {
            return Optional.of("member " + failed.memberId() + " is " + member.get() + ", not ACTIVE");
        }
        return Optional.empty();
    }

    private boolean holdsRow(long couponId, long memberId) {
        return jdbc.sql("SELECT COUNT(*) FROM coupon_issues WHERE coupon_id = ? AND member_id = ?")
                .params(couponId, memberId).query(Long.class).single() > 0;
    }

    private static String ledgerRefusal(LedgerReplay.Decision decision, String code) {
        return switch (decision) {
            case SOLD_OUT -> "campaign " + code + " is sold out in the ledger: no coupon left to give";
            case CAMPAIGN_NOT_ACTIVE -> "campaign " + code + " is not active in the ledger";
            default -> "campaign " + code + " is not provisioned in the ledger yet";
        };
    }

    private ReplayResult counted(FailedIssuance failed, ReplayOutcome outcome) {
        outcomes.get(outcome).increment();
        return new ReplayResult(failed.id(), failed.memberId(), outcome, failed.status(), failed.reason());
    }
}
