package com.flashsale.coupon.lab.baseline;

import com.flashsale.coupon.lab.load.Latencies;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one baseline on the load: every client starts at the same instant and takes the next attempt. */
public final class LabRun {

    private static final Logger log = LoggerFactory.getLogger(LabRun.class);

    private LabRun() {
    }

    public static LabResult run(Baseline baseline, LabLoad load) throws Exception {
        baseline.reset(load.stock());
        int total = load.attempts();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicIntegerArray issuedTo = new AtomicIntegerArray(load.members() + 1);
        AtomicLong[] answers = new AtomicLong[Answer.values().length];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = new AtomicLong();
        }
        Latencies latencies = new Latencies(total);
        CountDownLatch ready = new CountDownLatch(load.clients());
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < load.clients(); c++) {
            clients.add(Thread.ofVirtual().name("lab-client-" + c).start(() -> {
                try (Baseline.Client client = baseline.client()) {
                    ready.countDown();
                    go.await();
                    for (int i = next.getAndIncrement(); i < total && System.nanoTime() < deadline[0];
                            i = next.getAndIncrement()) {
                        long member = load.memberOf(i);
                        long started = System.nanoTime();
                        Answer answer;
                        try {
                            answer = client.attempt(member);
                        } catch (Exception e) {
                            log.debug("{}: attempt for member {} failed: {}", baseline.name(), member, e.toString());
                            answer = Answer.FAILED;
                        }
                        latencies.record(System.nanoTime() - started);
                        answers[answer.ordinal()].incrementAndGet();
                        if (answer == Answer.ISSUED) {
                            issuedTo.incrementAndGet((int) member);
                        }
                        finished.incrementAndGet();
                    }
                } catch (Exception e) {
                    log.warn("{}: client stopped: {}", baseline.name(), e.toString());
                    ready.countDown();
                }
            }));
        }
        ready.await();
        long start = System.nanoTime();
        deadline[0] = start + load.timeLimit().toNanos();
        go.countDown();
        for (Thread client : clients) {
            client.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long holders = 0;
        for (int m = 1; m <= load.members(); m++) {
            if (issuedTo.get(m) > 0) {
                holders++;
            }
        }
        return new LabResult(baseline.name(), load, finished.get(), seconds, latencies.summary(),
                answers[Answer.ISSUED.ordinal()].get(), holders, answers[Answer.DUPLICATE.ordinal()].get(),
                answers[Answer.SOLD_OUT.ordinal()].get(), answers[Answer.FAILED.ordinal()].get(),
                baseline.storeState());
    }
}
