package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.store.PendingEntry;
import com.flashsale.coupon.system.SaleEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * kill -9 of the Redis Cluster primary serving the sale's coupon while its outbox holds entries the
 * relay has read and Kafka has not acknowledged. The broker is paused (SIGSTOP) before the sale, so
 * the relay's sends hang unanswered and what it read stays pending in the relays' consumer group; the
 * relay publishes only what a replica holds, so the promoted replica has those entries too. Once the
 * broker is resumed they must be published after all (by the send in flight, or claimed again once
 * idle) and persisted exactly once, like every member told yes. The killed node then rejoins as the
 * new primary's replica.
 */
final class RelayPendingFailover implements Fault {

    private static final String BROKER = "kafka";
    /** Far above what publishing takes: the relay's claim-idle (15 s), a back-off, a rebalance after the pause. */
    private static final Duration PUBLISH_LIMIT = Duration.ofMinutes(2);

    private PrimaryKill kill;
    private long stockAtKill = -1;
    private long rowsAtKill = -1;
    private List<PendingEntry> pendingAtKill = List.of();
    private Set<Long> heldAfterFailover = Set.of();
    private long resumedAt;
    private long persistedAt;

    @Override
    public SaleEnvironment.Topology topology() {
        return new SaleEnvironment.Topology(true, false);
    }

    /** Before the first request: no entry of the sale can reach Kafka until the broker is resumed. */
    @Override
    public void prepare(ChaosRun run) {
        run.servers().pause(BROKER);
    }

    @Override
    public void inject(ChaosRun run) {
        kill = PrimaryKill.of(run);
        pendingAtKill = await("outbox entries the relay read and Kafka did not acknowledge").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> run.probe().pendingEntries(ChaosRun.COUPON), pending -> !pending.isEmpty());
        stockAtKill = run.ledger().stock();
        rowsAtKill = run.counts().rows();
        kill.killAndAwaitPromotion(run);
        // Read on the promoted replica while the broker is still paused: nothing was published meanwhile.
        Set<Long> pendingMembers = members(pendingAtKill);
        Map<Long, Long> issued = await("the ledger read on the promoted replica").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> run.probe().redisIssued(ChaosRun.COUPON), map -> true);
        heldAfterFailover = pendingMembers.stream().filter(issued::containsKey).collect(Collectors.toSet());
        run.servers().resume(BROKER);
        resumedAt = System.nanoTime();
        await("the entries pending at the kill persisted").atMost(PUBLISH_LIMIT).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> run.probe().state(ChaosRun.COUPON).holders().containsAll(heldAfterFailover));
        persistedAt = System.nanoTime();
        kill.restart(run);
    }

    @Override
    public void verify(ChaosRun run) {
        assertThat(stockAtKill).as("stock when the primary was killed").isBetween(1L, run.scale().quantity() - 1L);
        assertThat(rowsAtKill).as("rows of the sale persisted before the kill, the broker paused").isZero();
        assertThat(heldAfterFailover).as("members of the entries pending at the kill told yes, all held by the promoted"
                + " replica").containsAll(toldYes(run));
        kill.verifyRejoined();
        assertThat(run.log().sentBetween(Outcome.ISSUED, kill.killedAt(), Long.MAX_VALUE)).as("coupons issued after the kill")
                .isPositive();
    }

    private Set<Long> toldYes(ChaosRun run) {
        Set<Long> pending = members(pendingAtKill);
        return run.log().all().stream().filter(answer -> answer.outcome() == Outcome.ISSUED).map(Answer::memberId)
                .filter(pending::contains).collect(Collectors.toSet());
    }

    private static Set<Long> members(List<PendingEntry> entries) {
        return entries.stream().map(PendingEntry::memberId).collect(Collectors.toSet());
    }

    @Override
    public String note(ChaosRun run) {
        return ("Kafka paused (SIGSTOP) from before the sale; %s at stock %d of %d with %d outbox entries read by the relay"
                + " and not acknowledged (%d of their members told yes); %s; %d of them held by the promoted replica, all in"
                + " MySQL %s after Kafka was resumed (%s after the kill); %s")
                .formatted(kill.killed(), stockAtKill, run.scale().quantity(), pendingAtKill.size(), toldYes(run).size(),
                        kill.failover(), heldAfterFailover.size(), ChaosRun.seconds(persistedAt - resumedAt),
                        ChaosRun.seconds(persistedAt - kill.killedAt()), kill.rejoined());
    }
}
