package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the Redis Cluster primary serving the drill's coupon, the promotion of its replica
 * awaited ({@code cluster.sh redis-wait-failover}: every node agrees the replica serves the slots),
 * then the killed node started again ({@code start.sh}, which returns once it has rejoined): what the
 * drills that fail a primary over share.
 */
final class PrimaryKill {

    private final ClusterPlacement before;
    private long killedAt;
    private String failover;
    private ClusterPlacement after;
    private long rejoinedAt;

    private PrimaryKill(ClusterPlacement before) {
        this.before = before;
    }

    /** The primary serving the coupon now, and the replica that is to take over. */
    static PrimaryKill of(ChaosRun run) {
        return new PrimaryKill(ClusterPlacement.of(run));
    }

    /** Returns once the replica serves the killed primary's slots; the kill's time is {@link #killedAt()}. */
    void killAndAwaitPromotion(ChaosRun run) {
        killedAt = System.nanoTime();
        run.servers().kill(ClusterPlacement.node(before.primary()));
        failover = run.servers().cluster("redis-wait-failover", Integer.toString(before.primary()), "60");
    }

    /** Starts the killed node again; returns once it has rejoined the cluster. */
    void restart(ChaosRun run) {
        run.servers().start(ClusterPlacement.node(before.primary()));
        rejoinedAt = System.nanoTime();
        after = ClusterPlacement.of(run);
    }

    /** The replica took over the coupon and the killed node came back as its replica. */
    void verifyRejoined() {
        assertThat(after.primary()).as("primary after the failover (was %d)", before.primary()).isEqualTo(before.replica());
        assertThat(after.replica()).as("the killed node, restarted").isEqualTo(before.primary());
    }

    /** Nano time of the kill. */
    long killedAt() {
        return killedAt;
    }

    String killed() {
        return "primary 127.0.0.1:%d killed (kill -9)".formatted(before.primary());
    }

    /** What {@code redis-wait-failover} printed: who took over, after how long. */
    String failover() {
        return failover;
    }

    String rejoined() {
        return "the node rejoined as replica of 127.0.0.1:%d %s after the kill".formatted(after.primary(),
                ChaosRun.seconds(rejoinedAt - killedAt));
    }
}
