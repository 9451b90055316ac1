package com.flashsale.coupon.gateway.support;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.events.LedgerKeys.CampaignFields;
import com.flashsale.coupon.testsupport.TestServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes reference data into the gateway tests' Redis database exactly as the worker's
 * provisioning does (the key contract in {@link LedgerKeys}), and reads the ledger back.
 */
public final class LedgerFixture implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    public final RedisCommands<String, String> redis;

    public LedgerFixture() {
        TestServers.Endpoints servers = TestServers.endpoints();
        client = RedisClient.create(RedisURI.builder().withHost(servers.redisHost()).withPort(servers.redisPort())
                .withDatabase(GatewayTestProperties.REDIS_DATABASE).build());
        connection = client.connect();
        redis = connection.sync();
    }

    public LedgerFixture reset() {
        redis.flushdb();
        return this;
    }

    public LedgerFixture campaign(String code, long id, int quantity, String status, Instant startsAt, Instant endsAt) {
        LedgerKeys keys = LedgerKeys.forCoupon(code);
        Map<String, String> fields = new HashMap<>();
        fields.put(CampaignFields.ID, Long.toString(id));
        fields.put(CampaignFields.QUANTITY, Integer.toString(quantity));
        fields.put(CampaignFields.STATUS, status);
        fields.put(CampaignFields.STARTS_AT, Long.toString(startsAt.toEpochMilli()));
        fields.put(CampaignFields.ENDS_AT, endsAt == null ? "" : Long.toString(endsAt.toEpochMilli()));
        redis.hset(keys.campaign(), fields);
        redis.set(keys.stock(), Integer.toString(quantity));
        redis.sadd(LedgerKeys.CAMPAIGNS, code);
        return this;
    }

    public LedgerFixture openCampaign(String code, long id, int quantity) {
        return campaign(code, id, quantity, "ACTIVE", Instant.parse("2025-01-01T00:00:00Z"), null);
    }

    public LedgerFixture members(long fromId, long toId, String status) {
        Map<String, String> members = new HashMap<>();
        for (long id = fromId; id <= toId; id++) {
            members.put(Long.toString(id), status);
        }
        redis.hset(LedgerKeys.MEMBERS, members);
        return changeMembersVersion();
    }

    /** What every writer of the members hash does after writing it (see {@link LedgerKeys#MEMBERS_VERSION}). */
    public LedgerFixture changeMembersVersion() {
        redis.set(LedgerKeys.MEMBERS_VERSION, UUID.randomUUID().toString());
        return this;
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

    /** Every key with its serialised value: two equal snapshots mean nothing in Redis changed. */
    public Map<String, String> snapshot() {
        Map<String, String> snapshot = new TreeMap<>();
        for (String key : redis.keys("*")) {
            byte[] dump = redis.dump(key);
            snapshot.put(key, dump == null ? "<gone>" : Arrays.toString(dump));
        }
        return snapshot;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
