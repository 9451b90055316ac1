package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.kit.api.Outcome;

/**
 * kill -9 of the replica of the primary serving the sale's coupon, mid-sale, held down a while, then
 * started again. Members see nothing: the primary, left with no replica linked, confirms its
 * decisions by itself (in its append-only file before the answer, as one Redis does) instead of
 * waiting for a replica that is not there; the restarted replica copies the data set and takes over
 * the confirmations again.
 */
final class ReplicaKill implements RedisClusterFault {

    private ClusterPlacement before;
    private ClusterPlacement after;
    private long stockAtKill = -1;
    private long killedAt;
    private long backAt;

    @Override
    public void inject(ChaosRun run) throws Exception {
        before = ClusterPlacement.of(run);
        stockAtKill = run.ledger().stock();
        killedAt = System.nanoTime();
        run.servers().kill(ClusterPlacement.node(before.replica()));
        // The outage itself is the fault: held for a set time, not until some condition.
        Thread.sleep(run.scale().redisPause());
        run.servers().start(ClusterPlacement.node(before.replica()));
        backAt = System.nanoTime();
        after = ClusterPlacement.of(run);
    }

    @Override
    public void verify(ChaosRun run) {
        assertThat(stockAtKill).as("stock when the replica was killed").isBetween(1L, run.scale().quantity() - 1L);
        assertThat(after).as("placement after the replica's restart").isEqualTo(before);
        assertThat(run.log().sentBetween(Outcome.ISSUED, killedAt, backAt)).as("coupons issued while the replica was down")
                .isPositive();
        assertThat(run.log().undecidedSince(0).requests()).as("requests answered 503 or not at all").isZero();
    }

    @Override
    public String note(ChaosRun run) {
        return "replica 127.0.0.1:%d of primary 127.0.0.1:%d killed (kill -9) at stock %d of %d, back after %s; %d issued meanwhile, %d requests without a decision"
                .formatted(before.replica(), before.primary(), stockAtKill, run.scale().quantity(),
                        ChaosRun.seconds(backAt - killedAt), run.log().sentBetween(Outcome.ISSUED, killedAt, backAt),
                        run.log().undecidedSince(0).requests());
    }
}
