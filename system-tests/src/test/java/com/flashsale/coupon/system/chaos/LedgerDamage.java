package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.kit.api.Reconciliation;
import com.flashsale.coupon.kit.store.SaleState;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Both stores damaged on purpose mid-sale, the way lost writes would damage them: members removed from
 * the Redis issued set (their rows stay in MySQL), the Redis stock lowered, and rows deleted from
 * MySQL (their members stay in Redis). Reconciliation, called at once while the sale goes on, must
 * put the members back and correct the stock; the deleted rows are younger than its grace period,
 * so the run after the sale must persist them from Redis.
 *
 * <p>A member removed from Redis could be told yes a second time if it asked again (the damage
 * erased what it held): such members ask no more, so the drill judges the repair, not the damage.
 */
final class LedgerDamage implements Fault {

    private final Set<Long> removedFromRedis = new LinkedHashSet<>();
    private final Set<Long> deletedFromMySql = new LinkedHashSet<>();
    private long stockAtDamage = -1;
    private Reconciliation midSale;

    @Override
    public double trigger() {
        return 0.5;
    }

    @Override
    public void inject(ChaosRun run) throws Exception {
        int damage = run.scale().damage();
        await("rows in MySQL to damage").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> run.counts().rows() >= damage * 2L);
        List<Long> persisted = oldestHolders(run.probe().state(ChaosRun.COUPON), damage * 2);
        assertThat(persisted).as("rows in MySQL to damage").hasSize(damage * 2);
        removedFromRedis.addAll(persisted.subList(0, damage));
        deletedFromMySql.addAll(persisted.subList(damage, damage * 2));

        run.order().retire(removedFromRedis);
        await("no request of the members to be removed in flight").atMost(Duration.ofSeconds(10))
                .until(() -> removedFromRedis.stream().noneMatch(run.load()::inFlight));
        stockAtDamage = run.ledger().stock();
        removedFromRedis.forEach(run.writes()::removeFromLedger);
        run.writes().shiftStock(-damage);
        run.writes().deleteRows(deletedFromMySql);

        midSale = run.reconcileNow();
    }

    /** The first holders (rows in MySQL) to have been accepted, by their acceptance time in the ledger. */
    private static List<Long> oldestHolders(SaleState state, int limit) {
        return state.holders().stream()
                .sorted(Comparator.comparing((Long member) -> state.redisIssued().getOrDefault(member, Long.MAX_VALUE))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit).toList();
    }

    @Override
    public void verify(ChaosRun run) {
        int damage = run.scale().damage();
        assertThat(midSale.restoredToRedis()).as("members put back into Redis mid-sale").isGreaterThanOrEqualTo(damage);
        assertThat(midSale.stockCorrected()).as("campaigns whose stock was corrected mid-sale").isPositive();
        int persisted = run.reconciliations().stream().mapToInt(Reconciliation::persistedFromRedis).sum();
        assertThat(persisted).as("deleted rows persisted again from Redis").isGreaterThanOrEqualTo(damage);
    }

    @Override
    public String note(ChaosRun run) {
        int persisted = run.reconciliations().stream().mapToInt(Reconciliation::persistedFromRedis).sum();
        return ("at stock %d of %d: %d members removed from Redis, stock lowered by %d, %d rows deleted from MySQL;"
                + " mid-sale reconciliation restored %d and corrected %d stock, in all %d rows persisted from Redis")
                .formatted(stockAtDamage, run.scale().quantity(), removedFromRedis.size(), run.scale().damage(),
                        deletedFromMySql.size(), midSale == null ? 0 : midSale.restoredToRedis(),
                        midSale == null ? 0 : midSale.stockCorrected(), persisted);
    }
}
