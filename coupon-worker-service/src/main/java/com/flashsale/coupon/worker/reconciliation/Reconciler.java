package com.flashsale.coupon.worker.reconciliation;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.worker.compensation.IssuanceRevoker;
import com.flashsale.coupon.worker.persistence.CouponIssueRows;
import com.flashsale.coupon.worker.reconciliation.IssuedRows.CampaignRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Compares the Redis ledger with MySQL per campaign and repairs drift in both directions: an
 * acceptance Redis holds past the grace period but MySQL lacks is persisted (a success answer is a
 * promise; one that can never be persisted is revoked), a MySQL row Redis lacks is restored, and
 * stock is set to quantity minus issued.
 * Every step is idempotent and safe during a live sale: rows are written with the unique key
 * absorbing races, and the Redis repair is one script, atomic with respect to issuing.
 */
@Service
record Reconciler(IssuedRows rows, RedisHolders redis, CouponIssueRows issueRows, IssuanceRevoker revoker,
        ReconciliationSettings settings, Clock clock, Counter runs, Map<String, Counter> repairs) {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    @Autowired
    Reconciler(IssuedRows rows, RedisHolders redis, CouponIssueRows issueRows, IssuanceRevoker revoker,
            ReconciliationSettings settings, MeterRegistry meters) {
        this(rows, redis, issueRows, revoker, settings, Clock.systemUTC(),
                Counter.builder("coupon.reconciliation.runs").description("Reconciliation runs").register(meters),
                repairCounters(meters));
    }

    private static Map<String, Counter> repairCounters(MeterRegistry meters) {
        Map<String, Counter> repairs = new HashMap<>();
        for (String kind : List.of("persisted_from_redis", "revoked", "restored_to_redis", "stock_corrected")) {
            repairs.put(kind, Counter.builder("coupon.reconciliation.repairs")
                    .description("Drift between Redis and MySQL repaired by reconciliation")
                    .tag("kind", kind).register(meters));
        }
        return repairs;
    }

    ReconciliationReport reconcileAll() {
        ReconciliationReport total = ReconciliationReport.NOTHING;
        for (CampaignRef campaign : rows.campaigns()) {
            if (LedgerKeys.isValidCouponCode(campaign.code())) {
                total = total.plus(reconcile(campaign));
            }
        }
        runs.increment();
        count("persisted_from_redis", total.persistedFromRedis());
        count("revoked", total.revoked());
        count("restored_to_redis", total.restoredToRedis());
        count("stock_corrected", total.stockCorrected());
        if (total.repairs() > 0) {
            log.warn("Reconciliation repaired drift: {}", total);
        } else {
            log.info("Reconciliation found no drift: {}", total);
        }
        return total;
    }

    private ReconciliationReport reconcile(CampaignRef campaign) {
        // Redis first: an issuance accepted after this read cannot be mistaken for a missing one.
        Map<Long, Instant> inRedis = redis.holders(campaign.code());
        Map<Long, Instant> inMySql = rows.holders(campaign.id());
        Instant graceLimit = clock.instant().minus(settings.gracePeriod());

        int persisted = 0;
        int revoked = 0;
        for (Map.Entry<Long, Instant> holder : inRedis.entrySet()) {
            if (inMySql.containsKey(holder.getKey()) || holder.getValue().isAfter(graceLimit)) {
                continue;
            }
            CouponIssued event = CouponIssued.of("reconciled:" + campaign.code() + ":" + holder.getKey(),
                    campaign.id(), campaign.code(), holder.getKey(), holder.getValue());
            try {
                issueRows.insertAll(List.of(event));
                persisted++;
            } catch (DataIntegrityViolationException e) {
                revoker.revoke(event, "reconciliation could not persist: " + e.getMostSpecificCause().getMessage());
                revoked++;
            }
        }

        Map<Long, Instant> missingInRedis = new HashMap<>(inMySql);
        missingInRedis.keySet().removeAll(inRedis.keySet());
        RedisHolders.Repair repair = redis.repair(campaign.code(), missingInRedis);
        if (repair.stockCorrected()) {
            log.warn("Coupon {}: stock corrected from {} to {}", campaign.code(), repair.stockBefore(), repair.stockAfter());
        }
        return new ReconciliationReport(1, persisted, revoked, repair.restored(), repair.stockCorrected() ? 1 : 0);
    }

    private void count(String kind, int amount) {
        if (amount > 0) {
            repairs.get(kind).increment(amount);
        }
    }
}
