package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.system.SaleEnvironment;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/**
 * kill -9 of one of three Kafka brokers (topics with three replicas, {@code min.insync.replicas} 2)
 * mid-sale: the leader of the issued topic's first partition, so the relay's producer and the
 * worker's consumers must move to the new leaders. Held down a while, then started again by the
 * script, which returns once it is registered and every partition is in sync again. The sale and
 * the persistence go on with two brokers; nothing is lost and nothing is persisted twice.
 */
final class BrokerOfThreeKilled implements Fault {

    private int broker;
    private long stockAtKill = -1;
    private long rowsAtKill;
    private long rowsBeforeRestart;
    private long killedAt;
    private long backAt;

    @Override
    public SaleEnvironment.Topology topology() {
        return SaleEnvironment.Topology.KAFKA_CLUSTER;
    }

    /** Found before the sale: the script starts a JVM of its own, longer than a short sale lasts on a busy machine. */
    @Override
    public void prepare(ChaosRun run) {
        broker = Integer.parseInt(run.servers().cluster("kafka-leader", run.system().environment().issuedTopic(), "0").strip());
    }

    @Override
    public void inject(ChaosRun run) throws Exception {
        stockAtKill = run.ledger().stock();
        rowsAtKill = run.counts().rows();
        killedAt = System.nanoTime();
        run.servers().kill("kafka-cluster:" + broker);
        // The outage itself is the fault: held for a set time, then until persistence is seen going on without it.
        Thread.sleep(run.scale().kafkaOutage());
        try {
            await("rows persisted with two brokers").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> run.counts().rows() > rowsAtKill);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no row persisted with broker %d down: rows %d (at the kill %d), ledger stock %d, issued %d, outbox %d"
                    .formatted(broker, run.counts().rows(), rowsAtKill, run.ledger().stock(), run.ledger().issued(),
                            run.ledger().outboxBacklog()), e);
        }
        rowsBeforeRestart = run.counts().rows();
        run.servers().start("kafka-cluster:" + broker);
        backAt = System.nanoTime();
    }

    @Override
    public void verify(ChaosRun run) {
        assertThat(stockAtKill).as("stock when the broker was killed").isBetween(1L, run.scale().quantity() - 1L);
        assertThat(run.log().sentBetween(Outcome.ISSUED, killedAt, backAt)).as("coupons issued while the broker was down")
                .isPositive();
        assertThat(rowsBeforeRestart).as("rows persisted while the broker was down (%d at the kill)", rowsAtKill)
                .isGreaterThan(rowsAtKill);
    }

    @Override
    public String note(ChaosRun run) {
        return ("broker %d of 3 (leader of partition 0) killed (kill -9) at stock %d of %d, held down %s, in sync again %s"
                + " after the kill; MySQL rows %d at the kill, %d before the restart")
                .formatted(broker, stockAtKill, run.scale().quantity(), ChaosRun.seconds(run.scale().kafkaOutage().toNanos()),
                        ChaosRun.seconds(backAt - killedAt), rowsAtKill, rowsBeforeRestart);
    }
}
