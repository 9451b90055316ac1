package com.flashsale.coupon.gateway.issuance;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.gateway.redis.LedgerCopy;
import com.flashsale.coupon.gateway.redis.RedisConnections;
import com.flashsale.coupon.gateway.redis.RedisSchedulerConfig;
import io.lettuce.core.MapScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Members' statuses as the worker provisioned them in the ledger's members hash, with an in-memory
 * mirror of the active ones. The mirror saves the request path one Redis round trip: a member the
 * mirror knows as active goes straight to the issue script.
 * Anything else (a member not in the mirror yet, an inactive one, a mirror not loaded) is asked of
 * Redis as before, so new and re-activated members are never refused because of it.
 *
 * <p>Every {@code coupon.members.mirror-refresh} it reads the hash's version ({@link
 * LedgerKeys#MEMBERS_VERSION}) and re-reads the hash only when the version changed: a re-read of
 * 200,000 members is a hundred milliseconds of gateway CPU and a few milliseconds of Redis per
 * page, which a sale should not pay while nobody's status changes. Without a version the mirror
 * is dropped (every request asks Redis). The one stale case is a member deactivated less than one
 * refresh (plus one re-read) ago, who can still be issued a coupon.
 */
@Component
class MemberDirectory extends LedgerCopy {

    /** Members per HSCAN page: small enough that no page holds Redis for more than about a millisecond. */
    private static final int SCAN_COUNT = 1_000;

    private final RedisConnections redis;
    /** Sorted ids of the members provisioned as active, replaced whole on every re-read. */
    private volatile long[] active = new long[0];
    /** The version {@link #active} was read under; null while the mirror holds nothing. */
    private String loadedVersion;
    private final Counter reloads;

    MemberDirectory(RedisConnections redis, MemberSettings settings, MeterRegistry meters,
            @Qualifier(RedisSchedulerConfig.SCHEDULER) TaskScheduler scheduler) {
        super(scheduler, settings.mirrorRefresh(), "Cannot refresh the member mirror, asking Redis per request",
                "The member mirror is readable again");
        this.redis = redis;
        this.reloads = Counter.builder("coupon.members.mirror.reloads")
                .description("Re-reads of the whole members hash into the gateway's mirror")
                .register(meters);
        Gauge.builder("coupon.members.mirror.size", this, directory -> directory.active.length)
                .description("Active members the gateway's mirror holds").register(meters);
    }

    /**
     * Status of the member as provisioned, or {@code null} when the member is unknown. Members the
     * mirror knows as active cost no round trip; every other answer comes from Redis itself.
     */
    String status(long memberId) {
        if (knownActive(memberId)) {
            return LedgerKeys.ACTIVE;
        }
        return redis.decide(LedgerKeys.MEMBERS, commands -> commands.hget(LedgerKeys.MEMBERS, Long.toString(memberId)));
    }

    /** True only when the member was active at the last refresh; false means "ask Redis". */
    boolean knownActive(long memberId) {
        return Arrays.binarySearch(active, memberId) >= 0;
    }

    /** Reads at once, then every {@code coupon.members.mirror-refresh} (zero: never, Redis answers every request). */
    @Override
    protected void refresh() {
        try {
            RedisClusterCommands<String, String> commands = redis.relay();
            String version = commands.get(LedgerKeys.MEMBERS_VERSION);
            if (version == null) {
                forget();
            } else if (!version.equals(loadedVersion)) {
                // Read after the version: a write that lands during the scan changes the version again.
                active = readActiveMembers(commands);
                loadedVersion = version;
                reloads.increment();
            }
            readWorked();
        } catch (RuntimeException e) {
            // A mirror that cannot be refreshed must not outlive its bound: forget it, Redis answers instead.
            forget();
            readFailed(e);
        }
    }

    private void forget() {
        active = new long[0];
        loadedVersion = null;
    }

    private static long[] readActiveMembers(RedisClusterCommands<String, String> commands) {
        long[] ids = new long[1024];
        int count = 0;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            MapScanCursor<String, String> page = commands.hscan(LedgerKeys.MEMBERS, cursor,
                    ScanArgs.Builder.limit(SCAN_COUNT));
            for (Map.Entry<String, String> member : page.getMap().entrySet()) {
                if (LedgerKeys.ACTIVE.equals(member.getValue())) {
                    if (count == ids.length) {
                        ids = Arrays.copyOf(ids, ids.length * 2);
                    }
                    ids[count++] = Long.parseLong(member.getKey());
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        long[] sorted = Arrays.copyOf(ids, count);
        Arrays.sort(sorted);
        return sorted;
    }
}
