package com.flashsale.coupon.cli.lab;

import com.flashsale.coupon.kit.api.Outcome;

/**
 * Seed phase 4: no lock; {@code SISMEMBER} for the duplicate check, then an atomic {@code DECR},
 * then {@code SADD}, then the Kafka event. Each command is atomic, the sequence is not: two
 * attempts of one member (a double click) can both pass the check before either adds the member,
 * and both take a coupon. The lab counts those answers, and the checker judges them; it does not hide them.
 */
public final class DecrThenSismember extends RedisSale {

    public DecrThenSismember(LabServers servers) throws Exception {
        super(servers);
    }

    @Override
    public String name() {
        return "Redis DECR + SISMEMBER (separate commands)";
    }

    @Override
    public Client client() {
        return memberId -> {
            String member = Long.toString(memberId);
            if (redis.sismember(ISSUED, member)) {
                return Outcome.DUPLICATE;
            }
            if (redis.decr(STOCK) < 0) {
                redis.incr(STOCK);
                return Outcome.SOLD_OUT;
            }
            redis.sadd(ISSUED, member);
            publish(memberId);
            return Outcome.ISSUED;
        };
    }
}
