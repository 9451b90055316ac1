package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.store.LedgerCounts;
import com.flashsale.coupon.kit.store.PendingEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * kill -9 of the Redis Cluster primary serving the sale's coupon while its outbox holds entries the
 * relay has read and Kafka has not acknowledged. From before the sale the broker refuses every record
 * of the issued topic (a topic setting, so the broker, the worker's consumers and their group go on
 * as usual): each publish fails at once, what the relay read stays pending in the relays' consumer
 * group, and it reads more on each round. The relay publishes only what a replica holds, so the
 * promoted replica has those entries pending too. Once the broker takes records again they must be
 * published after all (claimed again once idle for the relay's claim-idle) and persisted exactly once,
 * like every member told yes. The killed node then rejoins as the new primary's replica.
 */
final class RelayPendingFailover implements RedisClusterFault {

    /** Far above what publishing takes: the relay's claim-idle (15 s) and its back-off (at most 5 s). */
    private static final Duration PUBLISH_LIMIT = Duration.ofMinutes(2);

    private PrimaryKill kill;
    private long stockAtKill = -1;
    private long rowsAtKill = -1;
    private long backlogAtKill = -1;
    private List<PendingEntry> pendingAtKill = List.of();
    private Set<Long> heldAfterFailover = Set.of();
    private long acceptedAt;
    private long persistedAt;

    /** Before the first request: no entry of the sale can reach Kafka until the refusal is lifted. */
    @Override
    public void prepare(ChaosRun run) throws Exception {
        kill = PrimaryKill.of(run);
        run.topics().refuseRecords(run.system().environment().issuedTopic());
    }

    @Override
    public void inject(ChaosRun run) throws Exception {
        pendingAtKill = await("outbox entries the relay read and Kafka did not acknowledge").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> run.probe().pendingEntries(ChaosRun.COUPON), pending -> !pending.isEmpty());
        LedgerCounts ledger = run.ledger();
        stockAtKill = ledger.stock();
        backlogAtKill = ledger.outboxBacklog();
        rowsAtKill = run.counts().rows();
        kill.killAndAwaitPromotion(run);
        run.topics().acceptRecords(run.system().environment().issuedTopic());
        acceptedAt = System.nanoTime();
        // Publishing changes the outbox, never the issued set: read it now as the promoted replica holds it.
        Map<Long, Long> issued = await("the ledger read on the promoted replica").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> run.probe().redisIssued(ChaosRun.COUPON), map -> true);
        heldAfterFailover = members(pendingAtKill).stream().filter(issued::containsKey).collect(Collectors.toSet());
        await("the entries pending at the kill persisted").atMost(PUBLISH_LIMIT).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> run.probe().state(ChaosRun.COUPON).holders().containsAll(heldAfterFailover));
        persistedAt = System.nanoTime();
        kill.restart(run);
    }

    @Override
    public void verify(ChaosRun run) {
        assertThat(stockAtKill).as("stock when the primary was killed").isBetween(1L, run.scale().quantity() - 1L);
        assertThat(rowsAtKill).as("rows of the sale persisted before the kill, Kafka refusing them").isZero();
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
        return ("Kafka refusing the issued topic's records from before the sale; %s at stock %d of %d, its outbox holding %d"
                + " entries, %d of them read by the relay and not acknowledged (%d of their members told yes); %s; %d of the %d"
                + " held by the promoted replica, all in MySQL %s after Kafka took records again (%s after the kill); %s")
                .formatted(kill.killed(), stockAtKill, run.scale().quantity(), backlogAtKill, pendingAtKill.size(),
                        toldYes(run).size(), kill.failover(), heldAfterFailover.size(), pendingAtKill.size(),
                        ChaosRun.seconds(persistedAt - acceptedAt), ChaosRun.seconds(persistedAt - kill.killedAt()),
                        kill.rejoined());
    }
}
