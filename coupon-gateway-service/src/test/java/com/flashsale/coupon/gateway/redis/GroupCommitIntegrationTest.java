package com.flashsale.coupon.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.gateway.support.GatewayTestProperties;
import com.flashsale.coupon.testsupport.TestServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The group commit against real servers: a primary of the local Redis Cluster, and the one Redis with no replica. */
class GroupCommitIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    void oneWaitConfirmsManyConcurrentCallersOfAConnection() throws Exception {
        RedisClusterClient client = RedisClusterClient.create(TestServers.redisClusterNodes().stream()
                .map(node -> RedisURI.create("redis://" + node)).toList());
        try (StatefulRedisClusterConnection<String, String> cluster = client.connect()) {
            String key = LedgerKeys.forCoupon("GROUPCOMMIT").stock();
            String primary = cluster.getPartitions().getMasterBySlot(SlotHash.getSlot(key)).getNodeId();
            StatefulRedisConnection<String, String> node = cluster.getConnection(primary);
            GroupCommit commit = new GroupCommit(node.async(), TIMEOUT);
            long waitsBefore = waits(node);

            // 200 decisions answered, then their confirmations asked for at once, as request threads do.
            List<CompletableFuture<Boolean>> confirmations = new ArrayList<>();
            for (int caller = 0; caller < 200; caller++) {
                node.async().incr(key);
                confirmations.add(commit.confirm());
            }

            assertThat(confirmations).extracting(CompletableFuture::join).hasSize(200).containsOnly(true);
            long waits = waits(node) - waitsBefore;
            // One in flight, the others share the next: a handful, however the round trips fall.
            assertThat(waits).as("WAIT commands for 200 callers").isBetween(1L, 10L);
            node.sync().del(key);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aPrimaryWithNoReplicaLinkedConfirmsByItself() {
        TestServers.Endpoints servers = TestServers.endpoints();
        RedisClient client = RedisClient.create(RedisURI.builder().withHost(servers.redisHost())
                .withPort(servers.redisPort()).withDatabase(GatewayTestProperties.REDIS_DATABASE).build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(ReplicaLinks.online(connection.sync().info("replication"))).isZero();
            GroupCommit commit = new GroupCommit(connection.async(), TIMEOUT);

            assertThat(commit.confirm().join()).as("after one WAIT ran out").isTrue();
            long waitsBefore = waits(connection);
            assertThat(commit.confirm().join()).as("known to be alone").isTrue();
            assertThat(waits(connection)).as("WAIT commands while known to be alone").isEqualTo(waitsBefore);
        } finally {
            client.shutdown();
        }
    }

    /** WAIT commands the node has run since it started, from {@code INFO commandstats}. */
    private static long waits(StatefulRedisConnection<String, String> node) {
        String prefix = "cmdstat_wait:calls=";
        return node.sync().info("commandstats").lines().filter(line -> line.startsWith(prefix))
                .mapToLong(line -> Long.parseLong(line.substring(prefix.length(), line.indexOf(',', prefix.length()))))
                .findFirst().orElse(0);
    }
}
