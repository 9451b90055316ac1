package com.flashsale.coupon.gateway.issuance;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.gateway.system.PeriodicTask;
import com.flashsale.coupon.gateway.system.RedisConnections;
import io.lettuce.core.MapScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * An in-memory mirror of the active members in the ledger's members hash, re-read in the
 * background every {@code coupon.members.mirror-refresh}. It saves the request path one Redis round
 * trip: a member the mirror knows as active goes straight to the issue script. Anything else (a
 * member not in the mirror yet, an inactive one, a mirror not loaded) is asked of Redis as before, so
 * new and re-activated members are never refused because of it. The one stale case is a member
 * deactivated less than one refresh ago, who can still be issued a coupon: the bound on that is the
 * refresh period (README "Benchmarks" has the trade-off).
 */
@Component
class MemberDirectory implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MemberDirectory.class);
    private static final int SCAN_COUNT = 10_000;

    private final RedisConnections redis;
    private final MemberSettings settings;
    /** Sorted ids of the members provisioned as active, replaced whole on every refresh. */
    private volatile long[] active = new long[0];
    private final PeriodicTask refresher;
    private volatile boolean readFailing;

    MemberDirectory(RedisConnections redis, MemberSettings settings) {
        this.redis = redis;
        this.settings = settings;
        this.refresher = new PeriodicTask("member-mirror", settings.mirrorRefresh(), this::refresh);
    }

    /** True only when the member was active at the last refresh; false means "ask Redis". */
    boolean knownActive(long memberId) {
        return Arrays.binarySearch(active, memberId) >= 0;
    }

    void refresh() {
        try {
            RedisCommands<String, String> commands = redis.relay();
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
            active = sorted;
            if (readFailing) {
                log.info("The member mirror is readable again ({} active members)", count);
                readFailing = false;
            }
        } catch (RuntimeException e) {
            // A mirror that cannot be refreshed must not outlive its bound: forget it, Redis answers instead.
            active = new long[0];
            if (!readFailing) {
                log.warn("Cannot refresh the member mirror, asking Redis per request: {}", e.getMessage());
                readFailing = true;
            }
        }
    }

    @Override
    public void start() {
        if (!settings.mirrorRefresh().isZero()) {
            refresher.start();
        }
    }

    @Override
    public void stop() {
        refresher.stop();
    }

    @Override
    public boolean isRunning() {
        return refresher.isRunning();
    }
}
