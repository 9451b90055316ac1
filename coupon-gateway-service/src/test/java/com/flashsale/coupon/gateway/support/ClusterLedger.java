package com.flashsale.coupon.gateway.support;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.testsupport.TestServers;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.util.UUID;

/**
 * The ledger on the local Redis Cluster ({@link TestLedger}), with what a test needs to steer the nodes: which primary and replica hold a coupon, and their processes.
 * Each test names its own coupons (no node is flushed: other tests may share the cluster).
 */
public final class ClusterLedger extends TestLedger<ClusterLedger, RedisAdvancedClusterCommands<String, String>> {

    private final RedisClusterClient client;
    private final StatefulRedisClusterConnection<String, String> connection;

    public ClusterLedger() {
        this(RedisClusterClient.create(TestServers.redisClusterNodes().stream()
                .map(node -> RedisURI.create("redis://" + node)).toList()));
    }

    private ClusterLedger(RedisClusterClient client) {
        super(client, client.connect().sync());
        this.client = client;
        this.connection = redis.getStatefulConnection();
    }

    /** A code no other test uses. */
    public static String newCouponCode(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Takes the coupon off the relays' list again, so a finished test leaves nothing for others to relay. */
    public void retire(String code) {
        redis.srem(LedgerKeys.CAMPAIGNS, code);
    }

    /** The primary serving the coupon's slot now. */
    public RedisClusterNode primaryOf(String code) {
        client.refreshPartitions();
        return connection.getPartitions().getMasterBySlot(SlotHash.getSlot(LedgerKeys.forCoupon(code).stock()));
    }

    /** The primary's replica (the local cluster gives each primary one). */
    public RedisClusterNode replicaOf(String code) {
        String primary = primaryOf(code).getNodeId();
        return connection.getPartitions().stream()
                .filter(node -> primary.equals(node.getSlaveOf()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no replica of " + primary));
    }

    /** Every primary's script cache emptied, as after a restart or a failover. */
    public void flushScripts() {
        for (RedisClusterNode node : connection.getPartitions()) {
            if (node.is(RedisClusterNode.NodeFlag.UPSTREAM)) {
                connection.getConnection(node.getNodeId()).sync().scriptFlush();
            }
        }
    }

    /** The operating-system process of a node, from its own {@code INFO server}. */
    public long pidOf(RedisClusterNode node) {
        StatefulRedisConnection<String, String> direct = connection.getConnection(node.getNodeId());
        return direct.sync().info("server").lines().filter(line -> line.startsWith("process_id:"))
                .mapToLong(line -> Long.parseLong(line.substring("process_id:".length()).trim()))
                .findFirst().orElseThrow();
    }
}
