package com.flashsale.coupon.gateway.issuance;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.gateway.redis.LuaScript;
import com.flashsale.coupon.gateway.redis.RedisConnections;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Redis reads behind {@link SoldOutCampaigns}: a coupon's ledger version, and a sold-out
 * campaign's holders and fields under one version. They run on the relay's connection, from the
 * one background task, never on the request path.
 *
 * <p>A campaign of up to {@link #PAGE} holders is read by one script ({@code scripts/sold-out.lua}),
 * atomic with its version. A larger one is read in pages after that script, then the version is
 * read again: while it stands, nothing but the issue script wrote the keys, and the issue script
 * writes nothing once the stock is gone, so the pages hold the same set the script saw. Paging
 * rather than one script keeps each step of Redis's single thread to a millisecond or two where a
 * million holders in one reply would hold every other client for a good fraction of a second.
 */
@Component
record SoldOutReads(RedisConnections redis) {

    /** Holders per read: about a millisecond of Redis each. */
    static final int PAGE = 10_000;

    private static final LuaScript SOLD_OUT = LuaScript.fromClasspath("scripts/sold-out.lua");

    /** The coupon's ledger version; null when it has none. */
    String version(String couponCode) {
        return redis.relay().get(LedgerKeys.forCoupon(couponCode).version());
    }

    /**
     * The Redis process serving the coupon now (its run id). A failover keeps the version but may
     * lose the last decisions the old primary had not replicated: a copy read from another process
     * is not the ledger any more.
     */
    String node(String couponCode) {
        return redis.runIdAt(LedgerKeys.forCoupon(couponCode).version());
    }

    /**
     * Reads a campaign the issue script just called sold out. {@code readAt} is when the last read
     * that confirmed the version was sent ({@link System#nanoTime()}): what was read held then.
     */
    Read read(String couponCode, int maxHolders) {
        LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
        RedisClusterCommands<String, String> commands = redis.relay();
        long readAt = System.nanoTime();
        // Before the reads: a failover in between is seen as a change of process at the next confirmation.
        String node = node(couponCode);
        List<Object> first = SOLD_OUT.run(commands, ScriptOutputType.MULTI,
                new String[] {keys.campaign(), keys.stock(), keys.issued(), keys.version()},
                Integer.toString(maxHolders), Integer.toString(PAGE));
        Outcome notKept = switch (((Long) first.get(0)).intValue()) {
            case 0 -> Outcome.NO_VERSION;
            case 1 -> Outcome.STOCK_LEFT;
            case 2 -> Outcome.TOO_MANY_HOLDERS;
            default -> null;
        };
        if (notKept != null) {
            return Read.of(notKept);
        }
        // {3, version, status, startsAt, endsAt, holders, the first page of ids...}
        String version = (String) first.get(1);
        long[] holders = new long[((Long) first.get(5)).intValue()];
        try {
            int read = 0;
            for (Object id : first.subList(6, first.size())) {
                holders[read++] = SoldOutCampaign.holder((String) id);
            }
            if (read < holders.length) {
                while (read < holders.length) {
                    List<String> page = commands.zrange(keys.issued(), read, Math.min(read + PAGE, holders.length) - 1);
                    if (page.isEmpty()) {
                        return Read.of(Outcome.CHANGED_WHILE_READING);
                    }
                    for (String id : page) {
                        holders[read++] = SoldOutCampaign.holder(id);
                    }
                }
                readAt = System.nanoTime();
                if (!version.equals(commands.get(keys.version()))) {
                    return Read.of(Outcome.CHANGED_WHILE_READING);
                }
            }
            return new Read(Outcome.KEPT, SoldOutCampaign.of(version, (String) first.get(2), (String) first.get(3),
                    (String) first.get(4), holders), node, readAt);
        } catch (IllegalArgumentException e) {
            return Read.of(Outcome.UNREADABLE);
        }
    }

    enum Outcome {
        KEPT, NO_VERSION, STOCK_LEFT, TOO_MANY_HOLDERS, CHANGED_WHILE_READING,
        /** A field or holder the issue script would read differently than {@link SoldOutCampaign}: not kept. */
        UNREADABLE
    }

    /** {@code campaign}, {@code node} and {@code readAt} are set only when {@link Outcome#KEPT}. */
    record Read(Outcome outcome, SoldOutCampaign campaign, String node, long readAt) {

        static Read of(Outcome outcome) {
            return new Read(outcome, null, null, 0);
        }
    }
}
