package com.flashsale.coupon.cli.lab;

import com.flashsale.coupon.kit.api.Outcome;
import io.lettuce.core.ScriptOutputType;

/**
 * Seed phase 5, the seed's final design: one Lua script adds the member, reads and decrements the
 * stock atomically (return codes as in the seed: -3 duplicate, -1 no stock key, -2 sold out), then
 * the request publishes its Kafka event directly and answers at once; a refused send gives the
 * coupon back. This project keeps the script but moves the event into a Redis outbox written by the
 * same script, because an answer given before Kafka acknowledged is lost if the process dies.
 */
public final class LuaWithKafka extends RedisSale {

    static final String SCRIPT = """
            if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then
              return -3
            end
            local stock = tonumber(redis.call('GET', KEYS[1]))
            if stock == nil then
              redis.call('SREM', KEYS[2], ARGV[1])
              return -1
            end
            if stock <= 0 then
              redis.call('SREM', KEYS[2], ARGV[1])
              return -2
            end
            return redis.call('DECR', KEYS[1])
            """;

    private final String sha;

    public LuaWithKafka(LabServers servers) throws Exception {
        super(servers);
        this.sha = redis.scriptLoad(SCRIPT);
    }

    @Override
    public String name() {
        return "Lua script + Kafka send per request (seed's final)";
    }

    @Override
    public Client client() {
        String[] keys = {STOCK, ISSUED};
        return memberId -> {
            String member = Long.toString(memberId);
            long result = redis.<Long>evalsha(sha, ScriptOutputType.INTEGER, keys, member);
            if (result == -3) {
                return Outcome.DUPLICATE;
            }
            if (result < 0) {
                return Outcome.SOLD_OUT;
            }
            publish(memberId);
            return Outcome.ISSUED;
        };
    }
}
