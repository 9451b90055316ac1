package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.testsupport.TestServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ShutdownArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;

/**
 * Redis stopped mid-sale and started again, reloading the ledger from its append-only file. Stopped
 * with {@code SHUTDOWN NOSAVE}, which still flushes and fsyncs the AOF, rather than kill -9: with
 * {@code appendfsync everysec} a kill loses up to the last second of acknowledged writes, a loss
 * no application above Redis can undo (see the README's failure drills).
 */
final class RedisRestart implements Fault {

    private long stockAtShutdown = -1;
    private String runIdBefore;
    private String runIdAfter;
    private long stoppedAt;
    private long backAt;

    @Override
    public void inject(ChaosRun run) {
        TestServers.Endpoints servers = run.system().environment().servers();
        RedisClient client = RedisClient.create(RedisURI.create(servers.redisHost(), servers.redisPort()));
        try {
            runIdBefore = runId(client);
            stockAtShutdown = run.ledger().stock();
            run.servers().touched("redis");
            stoppedAt = System.nanoTime();
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                connection.sync().shutdown(ShutdownArgs.Builder.save(false));
            } catch (RedisException e) {
                // The server closes the connection instead of answering: that is the shutdown working.
            }
            // start.sh would find the old process still flushing and call it "already running".
            await("the old Redis process gone").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !answers(client));
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

    private static boolean answers(RedisClient client) {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return "PONG".equals(connection.sync().ping());
        } catch (RedisException e) {
            return false;
        }
    }

    @Override
    public void verify(ChaosRun run) {
        assertThat(stockAtShutdown).as("stock when Redis was stopped").isBetween(1L, run.scale().quantity() - 1L);
        assertThat(runIdAfter).as("Redis run id after the restart").isNotNull().isNotEqualTo(runIdBefore);
    }

    @Override
    public String note(ChaosRun run) {
        return "SHUTDOWN NOSAVE at stock %d of %d, reloaded from the AOF and answering after %s; %d requests answered 503 meanwhile"
                .formatted(stockAtShutdown, run.scale().quantity(), ChaosRun.seconds(backAt - stoppedAt),
                        run.log().sentBetween(Outcome.UNAVAILABLE, stoppedAt, backAt + 2_000_000_000L));
    }
}
