package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.system.ServiceProcess;

/**
 * kill -9 of a gateway mid-sale. Alone, it is started again on the same port (what a supervisor
 * does); as one of two replicas, it stays dead and the survivor must take over the outbox entries
 * its relay had read but not yet acknowledged.
 */
final class GatewayCrash implements Fault {

    private final int replicas;
    private final boolean restart;
    private long stockAtKill = -1;
    private long killedAt;
    private long deadAt;
    private long backAt;
    private long inFlightAtKill;
    private long pendingAtKill;

    private GatewayCrash(int replicas, boolean restart) {
        this.replicas = replicas;
        this.restart = restart;
    }

    static GatewayCrash killAndRestart() {
        return new GatewayCrash(1, true);
    }

    static GatewayCrash killOneOfTwoReplicas() {
        return new GatewayCrash(2, false);
    }

    @Override
    public int gateways() {
        return replicas;
    }

    @Override
    public void inject(ChaosRun run) throws Exception {
        ServiceProcess victim = victim(run);
        stockAtKill = run.ledger().stock();
        killedAt = System.nanoTime();
        victim.kill();
        deadAt = System.nanoTime();
        pendingAtKill = run.probe().pendingInRelays(ChaosRun.COUPON);
        if (restart) {
            victim.restart();
        }
        backAt = System.nanoTime();
    }

    @Override
    public void verify(ChaosRun run) {
        int quantity = run.scale().quantity();
        assertThat(stockAtKill).as("stock when the gateway was killed").isBetween(1L, quantity - 1L);
        // Counted from the victim's death, not from when it was seen ready again: a restarted gateway
        // serves its port a moment before its readiness answers, and may sell the rest in that moment.
        // After the death nothing but the restarted gateway, or the surviving replica, can issue.
        assertThat(run.log().sentBetween(Outcome.ISSUED, deadAt, Long.MAX_VALUE))
                .as(restart ? "coupons sold by the restarted gateway" : "coupons sold by the surviving replica")
                .isPositive();
    }

    @Override
    public String note(ChaosRun run) {
        int victim = replicas - 1;
        inFlightAtKill = run.log().all().stream()
                .filter(a -> a.gateway() == victim && a.sentAt() < killedAt && a.answeredAt() >= killedAt)
                .count();
        String after = restart ? "restarted, answering again after " + ChaosRun.seconds(backAt - killedAt)
                : "the other replica served the rest of the sale";
        return "%s killed (kill -9) at stock %d of %d with %d requests in flight and %d outbox entries read but not relayed; %s"
                .formatted(victim(run).name(), stockAtKill, run.scale().quantity(), inFlightAtKill, pendingAtKill, after);
    }

    private ServiceProcess victim(ChaosRun run) {
        return run.system().gateways().get(replicas - 1);
    }
}
