package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.load.AnswerLog;
import com.flashsale.coupon.system.SaleEnvironment;
import java.time.Duration;

/**
 * kill -9 of the Redis Cluster primary serving the sale's coupon, mid-sale. Its replica is promoted
 * (cluster-node-timeout 2 s) and the gateway follows the new topology by itself; under replica
 * acknowledgement (the redis-cluster profile's default) every member told yes was held by that replica
 * before the answer, so none is missing from the ledger or MySQL afterwards. The window in which
 * members got no decision is measured. The killed node is then started again and must rejoin as the
 * new primary's replica.
 */
final class PrimaryFailover implements Fault {

    /** The goal with a 2 s node timeout is 5 s; on a loaded 2-core machine the window runs longer. */
    static final Duration WINDOW_LIMIT = Duration.ofSeconds(15);

    private ClusterPlacement before;
    private ClusterPlacement after;
    private long stockAtKill = -1;
    private long killedAt;
    private long rejoinedAt;
    private String failover;
    private AnswerLog.Window window;

    @Override
    public SaleEnvironment.Topology topology() {
        return new SaleEnvironment.Topology(true, false);
    }

    @Override
    public void inject(ChaosRun run) {
        before = ClusterPlacement.of(run);
        stockAtKill = run.ledger().stock();
        killedAt = System.nanoTime();
        run.servers().kill(ClusterPlacement.node(before.primary()));
        failover = run.servers().cluster("redis-wait-failover", Integer.toString(before.primary()), "60");
        run.servers().start(ClusterPlacement.node(before.primary()));
        rejoinedAt = System.nanoTime();
        after = ClusterPlacement.of(run);
    }

    @Override
    public void verify(ChaosRun run) {
        assertThat(stockAtKill).as("stock when the primary was killed").isBetween(1L, run.scale().quantity() - 1L);
        assertThat(after.primary()).as("primary after the failover (was %d)", before.primary()).isEqualTo(before.replica());
        assertThat(after.replica()).as("the killed node, restarted").isEqualTo(before.primary());
        assertThat(run.log().sentBetween(Outcome.ISSUED, killedAt, Long.MAX_VALUE)).as("coupons issued after the kill")
                .isPositive();
        assertThat(window(run).nanos()).as("time members got no decision after the kill")
                .isLessThanOrEqualTo(WINDOW_LIMIT.toNanos());
    }

    private AnswerLog.Window window(ChaosRun run) {
        if (window == null) {
            window = run.log().undecidedSince(killedAt);
        }
        return window;
    }

    @Override
    public String note(ChaosRun run) {
        AnswerLog.Window undecided = window(run);
        return ("primary 127.0.0.1:%d killed (kill -9) at stock %d of %d; %s; members got no decision for %s"
                + " (%d requests: 503 or no answer); the node rejoined as replica of 127.0.0.1:%d %s after the kill")
                .formatted(before.primary(), stockAtKill, run.scale().quantity(), failover,
                        ChaosRun.seconds(undecided.nanos()), undecided.requests(), after.primary(),
                        ChaosRun.seconds(rejoinedAt - killedAt));
    }
}
