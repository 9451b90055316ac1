package com.flashsale.coupon.lab.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Fires a fixed list of issue requests as fast as the connections allow and keeps every answer's
 * status, so the caller can check each member's answers against the stores (I2, I3), and the wall
 * time of the last success (where the settle time starts).
 */
public final class ClosedLoop {

    private ClosedLoop() {
    }

    public static Result run(Endpoint target, long[] members, int connections) throws InterruptedException {
        int[] statuses = new int[members.length];
        Latencies latencies = new Latencies(members.length);
        AtomicLongArray byStatus = new AtomicLongArray(600);
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastSuccessAtMillis = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> clients = new ArrayList<>(connections);
        for (int c = 0; c < connections; c++) {
            clients.add(Thread.ofPlatform().name("sale-" + c).start(() -> {
                HttpConnection connection = null;
                try {
                    connection = target.connect();
                    go.await();
                    for (int i = next.getAndIncrement(); i < members.length; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        try {
                            if (connection == null) {
                                connection = target.connect();
                            }
                            int status = connection.post(target.body(members[i]));
                            latencies.record(System.nanoTime() - sent);
                            statuses[i] = status;
                            byStatus.incrementAndGet(Math.min(status, 599));
                            if (status == 200) {
                                lastSuccessAtMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            connection = OpenLoop.closeQuietly(connection);
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    OpenLoop.closeQuietly(connection);
                }
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread client : clients) {
            client.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(statuses, members.length / seconds, latencies.summary(), Statuses.of(byStatus), errors.get(),
                lastSuccessAtMillis.get());
    }

    /** {@code statuses[i]} answers request i (0 when it failed on the connection). */
    public record Result(int[] statuses, double throughput, Latencies.Summary latency, Statuses byStatus, long errors,
            long lastSuccessAtMillis) {
    }
}
