package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.store.LedgerCounts;
import com.flashsale.coupon.kit.store.StoreCounts;
import java.time.Duration;
import java.util.function.Function;

/**
 * kill -9 of a server mid-sale (Kafka or MariaDB), kept down for a while, then started again by the
 * project's start script, which returns once the server is healthy. The sale goes on throughout:
 * the gateway must keep deciding, and nothing it accepted may be lost.
 */
final class ServerOutage implements Fault {

    private final String server;
    private final Function<ChaosScale, Duration> outage;
    private long stockAtKill = -1;
    private long killedAt;
    private long backAt;
    private long backlogBeforeRestart;
    private long rowsAtKill;
    private long issuedBeforeRestart;

    private ServerOutage(String server, Function<ChaosScale, Duration> outage) {
        this.server = server;
        this.outage = outage;
    }

    static ServerOutage kafka() {
        return new ServerOutage("kafka", ChaosScale::kafkaOutage);
    }

    static ServerOutage mariadb() {
        return new ServerOutage("mariadb", ChaosScale::mariadbOutage);
    }

    @Override
    public void inject(ChaosRun run) throws Exception {
        if (server.equals("mariadb")) {
            // "During persistence": the worker has started writing this sale's rows.
            await("the worker persisting the sale").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> run.counts().rows() > 0);
        }
        StoreCounts atKill = run.counts();
        rowsAtKill = atKill.rows();
        stockAtKill = atKill.stock();
        killedAt = System.nanoTime();
        run.servers().kill(server);
        // The outage itself is the fault: held for a set time, not until some condition.
        Thread.sleep(outage.apply(run.scale()));
        // Redis alone: MariaDB may be the server that is down.
        LedgerCounts beforeRestart = run.ledger();
        backlogBeforeRestart = beforeRestart.outboxBacklog();
        issuedBeforeRestart = beforeRestart.issued();
        run.servers().start(server);
        backAt = System.nanoTime();
    }

    @Override
    public void verify(ChaosRun run) {
        if (server.equals("kafka")) {
            assertThat(stockAtKill).as("stock when Kafka was killed").isBetween(1L, run.scale().quantity() - 1L);
            assertThat(run.log().sentBetween(Outcome.ISSUED, killedAt, backAt)).as("coupons issued while Kafka was down")
                    .isPositive();
            assertThat(backlogBeforeRestart).as("outbox backlog while Kafka was down").isPositive();
        } else {
            // What matters is that persistence was under way: a loaded machine may persist behind a short sale.
            assertThat(rowsAtKill).as("rows persisted when MariaDB was killed").isPositive();
            assertThat(issuedBeforeRestart).as("acceptances waiting for MariaDB").isGreaterThan(rowsAtKill);
        }
    }

    @Override
    public String note(ChaosRun run) {
        String waiting = server.equals("kafka")
                ? "%d acceptances waited in the outbox".formatted(backlogBeforeRestart)
                : "%d rows persisted before, %d acceptances waited for the database"
                        .formatted(rowsAtKill, issuedBeforeRestart - rowsAtKill);
        return "%s killed (kill -9) at stock %d of %d, healthy again after %s (held down %s, then start.sh); %s"
                .formatted(server, stockAtKill, run.scale().quantity(), ChaosRun.seconds(backAt - killedAt),
                        ChaosRun.seconds(outage.apply(run.scale()).toNanos()), waiting);
    }
}
