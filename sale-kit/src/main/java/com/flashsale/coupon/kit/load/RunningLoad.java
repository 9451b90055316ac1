package com.flashsale.coupon.kit.load;

import com.flashsale.coupon.kit.api.Answer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** A {@link Loop} under way: its clients, its answers, and the members with a request in flight. */
public final class RunningLoad {

    /** Lets every client reach its first wait before request 0 is due, so none starts behind. */
    private static final long OPEN_LEAD_NANOS = 100_000_000L;

    private final Loop plan;
    private final AnswerLog log = new AnswerLog();
    private final Route route;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong endedAt = new AtomicLong();
    private final Map<Long, Integer> inFlight = new ConcurrentHashMap<>();
    private final CountDownLatch connected;
    private final CountDownLatch go = new CountDownLatch(1);
    private final CountDownLatch finished;
    private final double intervalNanos;
    private volatile long startedAt;
    private volatile long startedAtMillis;
    private volatile boolean stopped;

    private RunningLoad(Loop plan) {
        this.plan = plan;
        this.route = new Route(plan.gateways);
        this.connected = new CountDownLatch(plan.clients);
        this.finished = new CountDownLatch(plan.clients);
        this.intervalNanos = plan.open() ? 1e9 / plan.ratePerSecond : 0;
    }

    static RunningLoad start(Loop plan) throws InterruptedException {
        RunningLoad load = new RunningLoad(plan);
        for (int i = 0; i < plan.clients; i++) {
            // Platform threads: their timed parks wake closer to the due time than virtual threads' do.
            Thread.ofPlatform().name("sale-client-" + i).daemon().start(load::runClient);
        }
        load.connected.await();
        load.startedAtMillis = System.currentTimeMillis();
        load.startedAt = System.nanoTime() + (plan.open() ? OPEN_LEAD_NANOS : 0);
        load.go.countDown();
        return load;
    }

    /** Ends the loop: no client sends another request (those in flight get their answers). */
    public void stop() {
        stopped = true;
    }

    /** Whether a request of this member has been sent (or is about to be) and not answered yet. */
    public boolean inFlight(long memberId) {
        return inFlight.containsKey(memberId);
    }

    /** A request sent outside the loop (a drill's own), logged and reported like the loop's. */
    public void record(Answer answer) {
        log.add(answer);
        plan.onAnswer.accept(answer);
    }

    /** The answers so far. */
    public AnswerLog log() {
        return log;
    }

    /** Waits for the last client. */
    public LoadResult awaitEnd(Duration atMost) throws InterruptedException {
        if (!finished.await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            stop();
            throw new IllegalStateException("the load's clients did not finish within " + atMost);
        }
        return new LoadResult(log, startedAt, Math.max(endedAt.get(), startedAt), startedAtMillis);
    }

    private void runClient() {
        try (Asker asker = plan.askers.get()) {
            connectAhead(asker);
            go.await();
            while (!stopped) {
                long index = next.getAndIncrement();
                if (index >= plan.requests) {
                    break;
                }
                long due = plan.open() ? startedAt + (long) (index * intervalNanos) : System.nanoTime();
                for (long wait = due - System.nanoTime(); wait > 0 && !stopped; wait = due - System.nanoTime()) {
                    // Pacing, not waiting for a condition: the offered rate is what is measured.
                    LockSupport.parkNanos(wait);
                }
                long elapsed = (plan.open() ? due : System.nanoTime()) - startedAt;
                if (elapsed >= plan.duration.toNanos()) {
                    // Past the end for this client only: a request due earlier, still to be sent by a client
                    // that fell behind, goes out late rather than not at all (the schedule is the load).
                    break;
                }
                if (stopped || plan.stopWhen.stop(index, elapsed)) {
                    stopped = true;
                    break;
                }
                long member = plan.memberAt.applyAsLong(index);
                if (member != Loop.NOBODY) {
                    send(asker, index, member, due);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            endedAt.accumulateAndGet(System.nanoTime(), Math::max);
            finished.countDown();
        }
    }

    private void connectAhead(Asker asker) {
        try {
            for (int gateway = 0; gateway < plan.gateways; gateway++) {
                try {
                    asker.connect(gateway);
                } catch (Exception e) {
                    // The first request to it tries again, and records what it meets.
                }
            }
        } finally {
            connected.countDown();
        }
    }

    private void send(Asker asker, long index, long member, long due) {
        inFlight.merge(member, 1, Integer::sum);
        try {
            if (!plan.stillAsking.test(member)) {
                return;
            }
            Answer answer = asker.ask(route.pick(index), plan.couponCode, member, due);
            log.add(answer);
            route.answered(answer);
            plan.onAnswer.accept(answer);
        } finally {
            inFlight.computeIfPresent(member, (key, count) -> count == 1 ? null : count - 1);
        }
    }
}
