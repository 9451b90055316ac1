package com.flashsale.coupon.gateway.support;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.events.LedgerKeys.CampaignFields;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger a gateway test arranges and reads back: reference data written exactly as the worker's
 * provisioning and scripts write it (the key contract in {@link LedgerKeys}), on the one Redis
 * ({@link LedgerFixture}) or on the local Redis Cluster ({@link ClusterLedger}).
 *
 * @param <L> the ledger itself, so that writes chain
 * @param <C> the commands of its connection, for what a test asks of Redis directly
 */
public abstract class TestLedger<L extends TestLedger<L, C>, C extends RedisClusterCommands<String, String>>
        implements AutoCloseable {

    private final AbstractRedisClient client;
    public final C redis;

    protected TestLedger(AbstractRedisClient client, C redis) {
        this.client = client;
        this.redis = redis;
    }

    @SuppressWarnings("unchecked")
    private L self() {
        return (L) this;
    }

    public L campaign(String code, long id, int quantity, String status, Instant startsAt, Instant endsAt) {
        LedgerKeys keys = LedgerKeys.forCoupon(code);
        redis.hset(keys.campaign(), CampaignFields.of(id, quantity, status, startsAt, endsAt));
        redis.set(keys.stock(), Integer.toString(quantity));
        redis.sadd(LedgerKeys.CAMPAIGNS, code);
        return moveVersion(code);
    }

    /** What every worker script that changes a coupon's ledger does after its writes (see {@link LedgerKeys}). */
    public L moveVersion(String code) {
        redis.eval(LedgerKeys.BUMP_VERSION_LUA + "return bump_version(KEYS[1])", ScriptOutputType.VALUE,
                LedgerKeys.forCoupon(code).version());
        return self();
    }

    public String version(String code) {
        return redis.get(LedgerKeys.forCoupon(code).version());
    }

    /** A compensation, as the worker's revoke script does it: holder out, coupon back in stock, version moved. */
    public L returnCoupon(String code, long memberId) {
        LedgerKeys keys = LedgerKeys.forCoupon(code);
        long removed = redis.eval(LedgerKeys.BUMP_VERSION_LUA + """
                if redis.call('ZREM', KEYS[1], ARGV[1]) == 1 then
                  redis.call('INCR', KEYS[2])
                  bump_version(KEYS[3])
                  return 1
                end
                return 0
                """, ScriptOutputType.INTEGER, new String[] {keys.issued(), keys.stock(), keys.version()},
                Long.toString(memberId));
        if (removed != 1) {
            throw new IllegalStateException("member " + memberId + " holds no " + code);
        }
        return self();
    }

    /** A raised quantity, as the worker's provisioning does it: quantity and stock shifted, version moved. */
    public L raiseQuantity(String code, int by) {
        LedgerKeys keys = LedgerKeys.forCoupon(code);
        redis.eval(LedgerKeys.BUMP_VERSION_LUA + """
                redis.call('HINCRBY', KEYS[1], 'quantity', ARGV[1])
                redis.call('INCRBY', KEYS[2], ARGV[1])
                return bump_version(KEYS[3])
                """, ScriptOutputType.VALUE, new String[] {keys.campaign(), keys.stock(), keys.version()},
                Integer.toString(by));
        return self();
    }

    public L openCampaign(String code, long id, int quantity) {
        return campaign(code, id, quantity, "ACTIVE", Instant.parse("2025-01-01T00:00:00Z"), null);
    }

    public L members(long fromId, long toId, String status) {
        Map<String, String> members = new HashMap<>();
        for (long id = fromId; id <= toId; id++) {
            members.put(Long.toString(id), status);
        }
        redis.hset(LedgerKeys.MEMBERS, members);
        return changeMembersVersion();
    }

    /** What every writer of the members hash does after writing it (see {@link LedgerKeys#MEMBERS_VERSION}). */
    public L changeMembersVersion() {
        redis.set(LedgerKeys.MEMBERS_VERSION, UUID.randomUUID().toString());
        return self();
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

    /** Closes the connection with the client that opened it. */
    @Override
    public void close() {
        client.shutdown();
    }
}
