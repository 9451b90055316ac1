package com.flashsale.coupon.cli.lab;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.store.SaleState;

/**
 * Seed phase 4: no lock; {@code SISMEMBER} for the duplicate check, then an atomic {@code DECR},
 * then {@code SADD}, then the Kafka event. Each command is atomic, the sequence is not: two
 * attempts of one member (a double click) can both pass the check before either adds the member,
 * and both take a coupon. The lab counts those answers, and the checker judges them; it does not hide them.
 */
public final class DecrThenSismember implements Baseline {

    private final RedisSale sale;

    public DecrThenSismember(LabServers servers) throws Exception {
        this.sale = new RedisSale(servers);
    }

    @Override
    public String name() {
        return "Redis DECR + SISMEMBER (separate commands)";
    }

    @Override
    public void reset(int stock) {
        sale.reset(stock);
    }

    @Override
    public Client client() {
        return memberId -> {
            String member = Long.toString(memberId);
            if (sale.redis.sismember(RedisSale.ISSUED, member)) {
                return Outcome.DUPLICATE;
            }
            if (sale.redis.decr(RedisSale.STOCK) < 0) {
                sale.redis.incr(RedisSale.STOCK);
                return Outcome.SOLD_OUT;
            }
            sale.redis.sadd(RedisSale.ISSUED, member);
            sale.publish(memberId);
            return Outcome.ISSUED;
        };
    }

    @Override
    public SaleState state(int quantity) {
        return sale.state(quantity);
    }

    @Override
    public void close() {
        sale.close();
    }
}
