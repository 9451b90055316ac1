package com.flashsale.coupon.gateway.support;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.events.LedgerKeys.CampaignFields;
import com.flashsale.coupon.testsupport.TestServers;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger on the local Redis Cluster, written as the worker's provisioning writes it, with what a
 * test needs to steer the nodes: which primary and replica hold a coupon, and their processes.
 * Each test names its own coupons (no node is flushed: other tests may share the cluster).
 */
public final class ClusterLedger implements AutoCloseable {

    private final RedisClusterClient client;
    private final StatefulRedisClusterConnection<String, String> connection;
    public final RedisAdvancedClusterCommands<String, String> redis;

    public ClusterLedger() {
        client = RedisClusterClient.create(TestServers.redisClusterNodes().stream()
                .map(node -> RedisURI.create("redis://" + node)).toList());
        connection = client.connect();
        redis = connection.sync();
    }

    /** A code no other test uses. */
    public static String newCouponCode(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public ClusterLedger openCampaign(String code, long id, int quantity) {
        LedgerKeys keys = LedgerKeys.forCoupon(code);
        Map<String, String> fields = new HashMap<>();
        fields.put(CampaignFields.ID, Long.toString(id));
        fields.put(CampaignFields.QUANTITY, Integer.toString(quantity));
        fields.put(CampaignFields.STATUS, "ACTIVE");
        fields.put(CampaignFields.STARTS_AT, "1735689600000");
        fields.put(CampaignFields.ENDS_AT, "");
        redis.hset(keys.campaign(), fields);
        redis.set(keys.stock(), Integer.toString(quantity));
        redis.sadd(LedgerKeys.CAMPAIGNS, code);
        redis.eval(LedgerKeys.BUMP_VERSION_LUA + "return bump_version(KEYS[1])", ScriptOutputType.VALUE,
                keys.version());
        return this;
    }

    public ClusterLedger members(long fromId, long toId, String status) {
        Map<String, String> members = new HashMap<>();
        for (long id = fromId; id <= toId; id++) {
            members.put(Long.toString(id), status);
        }
        redis.hset(LedgerKeys.MEMBERS, members);
        redis.set(LedgerKeys.MEMBERS_VERSION, UUID.randomUUID().toString());
        return this;
    }

    /** Takes the coupon off the relays' list again, so a finished test leaves nothing for others to relay. */
    public void retire(String code) {
        redis.srem(LedgerKeys.CAMPAIGNS, code);
    }

    public long stock(String code) {
        return Long.parseLong(redis.get(LedgerKeys.forCoupon(code).stock()));
    }

    public List<String> issuedMembers(String code) {
        return redis.zrange(LedgerKeys.forCoupon(code).issued(), 0, -1);
    }

    public long outboxLength(String code) {
        return redis.xlen(LedgerKeys.forCoupon(code).outbox());
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

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
