package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.testsupport.TestServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The one Redis killed mid-sale (kill -9, as a crash leaves it) and started again, reloading the
 * ledger from its append-only file. With {@code appendfsync everysec} every decision is written to
 * the file before its answer goes out (only the fsync runs in the background), so a killed process
 * loses nothing a member was told: only an operating-system crash can lose the last second.
 */
final class RedisRestart implements Fault {

    private long stockAtKill = -1;
    private String runIdBefore;
    private String runIdAfter;
    private long killedAt;
    private long backAt;

    @Override
    public void inject(ChaosRun run) {
        TestServers.Endpoints servers = run.system().environment().servers();
        RedisClient client = RedisClient.create(RedisURI.create(servers.redisHost(), servers.redisPort()));
        try {
            runIdBefore = runId(client);
            stockAtKill = run.ledger().stock();
            killedAt = System.nanoTime();
            run.servers().kill("redis");
            run.servers().start("redis");
            backAt = System.nanoTime();
            runIdAfter = runId(client);
        } finally {
            client.shutdown();
        }
    }

    private static String runId(RedisClient client) {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().info("server").lines()
                    .filter(line -> line.startsWith("run_id:"))
                    .map(line -> line.substring("run_id:".length()).strip())
                    .findFirst().orElseThrow();
        }
    }

    @Override
    public void verify(ChaosRun run) {
        assertThat(stockAtKill).as("stock when Redis was killed").isBetween(1L, run.scale().quantity() - 1L);
        assertThat(runIdAfter).as("Redis run id after the restart").isNotNull().isNotEqualTo(runIdBefore);
        assertThat(run.log().sentBetween(Outcome.ISSUED, 0, killedAt)).as("coupons issued before the kill").isPositive();
    }

    @Override
    public String note(ChaosRun run) {
        return "kill -9 at stock %d of %d, reloaded from the AOF (appendfsync everysec) and answering after %s; %d requests answered 503 meanwhile"
                .formatted(stockAtKill, run.scale().quantity(), ChaosRun.seconds(backAt - killedAt),
                        run.log().sentBetween(Outcome.UNAVAILABLE, killedAt, backAt + 2_000_000_000L));
    }
}
