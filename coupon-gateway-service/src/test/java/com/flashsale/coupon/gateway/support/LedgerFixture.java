package com.flashsale.coupon.gateway.support;

import com.flashsale.coupon.testsupport.TestServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledger in the gateway tests' Redis database (one server): what {@link TestLedger} writes and
 * reads, plus a clean start, command counts and snapshots.
 */
public final class LedgerFixture extends TestLedger<LedgerFixture, RedisCommands<String, String>> {

    public LedgerFixture() {
        this(RedisClient.create(RedisURI.builder().withHost(TestServers.endpoints().redisHost())
                .withPort(TestServers.endpoints().redisPort()).withDatabase(GatewayTestProperties.REDIS_DATABASE).build()));
    }

    private LedgerFixture(RedisClient client) {
        super(client, client.connect().sync());
    }

    public LedgerFixture reset() {
        redis.flushdb();
        return this;
    }

    /** How many times Redis ran this command since it started, from {@code INFO commandstats} (all clients). */
    public long calls(String command) {
        String prefix = "cmdstat_" + command.toLowerCase() + ":calls=";
        return redis.info("commandstats").lines().filter(line -> line.startsWith(prefix))
                .mapToLong(line -> Long.parseLong(line.substring(prefix.length(), line.indexOf(',', prefix.length()))))
                .findFirst().orElse(0);
    }

    /** Every key with its serialised value: two equal snapshots mean nothing in Redis changed. */
    public Map<String, String> snapshot() {
        Map<String, String> snapshot = new TreeMap<>();
        for (String key : redis.keys("*")) {
            byte[] dump = redis.dump(key);
            snapshot.put(key, dump == null ? "<gone>" : Arrays.toString(dump));
        }
        return snapshot;
    }
}
