package com.flashsale.coupon.kit.check;

import com.flashsale.coupon.kit.store.StoreCounts;
import java.util.Set;
import java.util.TreeSet;

/** I5: Redis and MySQL agree, and the ledger adds up, once settled (and reconciled). */
final class LedgerAgreement {

    private LedgerAgreement() {
    }

    /** Stock + issued == quantity, the ledger's quantity is MySQL's, Redis and MySQL name the same holders, the outbox is empty. */
    static Verdict judge(Sale sale) {
        StoreCounts c = sale.counts;
        Set<Long> onlyRedis = new TreeSet<>(sale.state.redisIssued().keySet());
        onlyRedis.removeAll(sale.state.holders());
        Set<Long> onlyMySql = new TreeSet<>(sale.state.holders());
        onlyMySql.removeAll(sale.state.redisIssued().keySet());
        long sum = c.stock() + c.redisIssued();
        boolean holds = c.stock() >= 0 && sum == sale.quantity && c.ledgerQuantity() == sale.quantity
                && onlyRedis.isEmpty() && onlyMySql.isEmpty() && c.outboxBacklog() == 0;
        return Verdict.of(holds, ("stock %s + issued %d = %d (quantity %d, in the ledger %s); only in Redis %d%s,"
                + " only in MySQL %d%s; outbox %d").formatted(Sale.stock(c), c.redisIssued(), sum, sale.quantity,
                        c.ledgerQuantity() < 0 ? "missing" : Long.toString(c.ledgerQuantity()), onlyRedis.size(),
                        Sale.examples(onlyRedis), onlyMySql.size(), Sale.examples(onlyMySql), c.outboxBacklog()));
    }
}
