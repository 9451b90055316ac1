package com.flashsale.coupon.gateway.outbox;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.gateway.redis.LuaScript;
import com.flashsale.coupon.gateway.redis.RedisConnections;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The relay's view of the per-coupon outbox streams (one consumer group shared by every gateway).
 * Each stream is read, claimed and acknowledged on the relay's connection to the node that holds it
 * (on a cluster, whichever primary serves the coupon's slot now), where {@link #confirmed} also asks
 * a replica whether it holds what was read.
 */
@Component
record OutboxStreams(RedisConnections redis) {

    private static final LuaScript ACK = LuaScript.fromClasspath("scripts/outbox-ack.lua");

    Set<String> campaigns() {
        return redis.relay().smembers(LedgerKeys.CAMPAIGNS);
    }

    /** Entries never delivered to any relay. */
    List<OutboxEntry> readNew(String couponCode, Consumer<String> consumer, int count) {
        String stream = LedgerKeys.forCoupon(couponCode).outbox();
        return withGroup(stream, () -> redis.relayAt(stream)
                .xreadgroup(consumer, XReadArgs.Builder.count(count), XReadArgs.StreamOffset.lastConsumed(stream))
                .stream().map(message -> OutboxEntry.of(couponCode, message)).toList());
    }

    /**
     * Entries delivered to some relay (a dead gateway, or this one after a failed publish) and not
     * acknowledged for {@code minIdle}: they are taken over by this consumer.
     */
    List<OutboxEntry> claimStale(String couponCode, Consumer<String> consumer, Duration minIdle, int count) {
        String stream = LedgerKeys.forCoupon(couponCode).outbox();
        return withGroup(stream, () -> redis.relayAt(stream)
                .xautoclaim(stream, XAutoClaimArgs.Builder.xautoclaim(consumer, minIdle, "0-0").count(count))
                .getMessages().stream().map(message -> OutboxEntry.of(couponCode, message)).toList());
    }

    /**
     * Under replica acknowledgement, true once a replica holds every entry read from the coupon's
     * stream so far: only those may be published, since a failover can take back the others (and the
     * members they name were never told yes). Always true otherwise.
     */
    boolean confirmed(String couponCode) {
        return redis.confirmRelayed(LedgerKeys.forCoupon(couponCode).outbox());
    }

    /** Acknowledges and deletes entries Kafka has acknowledged. */
    void acknowledge(String couponCode, List<String> entryIds) {
        if (entryIds.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(entryIds.size() + 1);
        args.add(LedgerKeys.RELAY_GROUP);
        args.addAll(entryIds);
        String stream = LedgerKeys.forCoupon(couponCode).outbox();
        ACK.run(redis.relayAt(stream), ScriptOutputType.INTEGER, new String[] {stream}, args.toArray(String[]::new));
    }

    long backlog(String couponCode) {
        return redis.relay().xlen(LedgerKeys.forCoupon(couponCode).outbox());
    }

    /** The group disappears when a stream is deleted (a reset): create it again and retry once. */
    private <T> T withGroup(String stream, Supplier<T> read) {
        try {
            return read.get();
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("NOGROUP")) {
                throw e;
            }
            createGroup(redis.relayAt(stream), stream);
            return read.get();
        }
    }

    private static void createGroup(RedisClusterCommands<String, String> commands, String stream) {
        try {
            // From "0": entries written before the group existed are relayed too.
            commands.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), LedgerKeys.RELAY_GROUP,
                    XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException alreadyThere) {
            // another gateway created it first
        }
    }
}
