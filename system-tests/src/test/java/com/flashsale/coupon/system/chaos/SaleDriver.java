package com.flashsale.coupon.system.chaos;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the sale: requests at a fixed offered rate from a pool of concurrent clients (virtual
 * threads), every answer recorded. The sale does not stop on a request count alone: it goes on until
 * the fault is over, the stock has sold out again since, a tail has passed, and at least as many
 * members as there are coupons got an answer from the ledger (answers lost to the fault do not
 * count), so whatever the fault did to the stock is put to the test by members still asking.
 */
final class SaleDriver {

    private final IssueClient client;
    private final GatewayPool gateways;
    private final MemberOrder order;
    private final AnswerLog log;
    private final ChaosScale scale;
    private final AtomicLong next = new AtomicLong();
    private final Map<Long, Integer> inFlight = new ConcurrentHashMap<>();
    private final Set<Long> answeredByLedger = ConcurrentHashMap.newKeySet();
    private final AtomicLong endedAt = new AtomicLong();
    private final CountDownLatch finished;
    private long startedAt;
    private volatile long faultOverAt;
    private volatile boolean soldOutSinceFault;
    private volatile boolean stopped;

    SaleDriver(IssueClient client, GatewayPool gateways, MemberOrder order, AnswerLog log, ChaosScale scale) {
        this.client = client;
        this.gateways = gateways;
        this.order = order;
        this.log = log;
        this.scale = scale;
        this.finished = new CountDownLatch(scale.clients());
    }

    void start() {
        startedAt = System.nanoTime();
        for (int i = 0; i < scale.clients(); i++) {
            Thread.ofVirtual().name("sale-client-" + i).start(this::runClient);
        }
    }

    /** The fault injector is done (servers and services are back): from now on the sale may end. */
    void faultOver() {
        faultOverAt = System.nanoTime();
    }

    void stop() {
        stopped = true;
    }

    /** Waits for the last client; returns how long the sale lasted. */
    Duration awaitEnd() throws InterruptedException {
        if (!finished.await(scale.saleLimit().toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("sale clients did not finish");
        }
        return Duration.ofNanos(endedAt.get() - startedAt);
    }

    boolean inFlight(long memberId) {
        return inFlight.containsKey(memberId);
    }

    private void runClient() {
        try {
            while (!stopped) {
                long index = next.getAndIncrement();
                long due = startedAt + index * 1_000_000_000L / scale.rate();
                for (long wait = due - System.nanoTime(); wait > 0 && !stopped; wait = due - System.nanoTime()) {
                    // Pacing, not waiting for a condition: the offered rate is part of the drill.
                    LockSupport.parkNanos(wait);
                }
                if (stopped || over(index)) {
                    stopped = true;
                    break;
                }
                long member = order.memberAt(index);
                if (member != MemberOrder.NOBODY) {
                    send(index, member);
                }
            }
        } finally {
            endedAt.accumulateAndGet(System.nanoTime(), Math::max);
            finished.countDown();
        }
    }

    private void send(long index, long member) {
        inFlight.merge(member, 1, Integer::sum);
        try {
            // Checked again once marked in flight: a drill that retires a member and then sees nothing in
            // flight for it can be sure no request of that member is still on its way.
            if (order.retired(member)) {
                return;
            }
            int gateway = gateways.pick(index);
            Attempt attempt = client.issue(gateway, gateways.port(gateway), member);
            record(attempt);
            gateways.answered(attempt);
        } finally {
            inFlight.computeIfPresent(member, (key, count) -> count == 1 ? null : count - 1);
        }
    }

    /** Also used for requests a fault sends itself, so they count like any other. */
    void record(Attempt attempt) {
        log.add(attempt);
        if (attempt.outcome().decided() && order.contains(attempt.memberId())) {
            answeredByLedger.add(attempt.memberId());
        }
        long over = faultOverAt;
        if (attempt.outcome() == Outcome.SOLD_OUT && over != 0 && attempt.sentAt() > over) {
            soldOutSinceFault = true;
        }
    }

    private boolean over(long index) {
        long now = System.nanoTime();
        if (now - startedAt > scale.saleLimit().toNanos()) {
            return true;
        }
        long over = faultOverAt;
        return index >= scale.minimumRequests() && over != 0 && soldOutSinceFault
                && now - over >= scale.tail().toNanos() && answeredByLedger.size() >= scale.quantity();
    }
}
