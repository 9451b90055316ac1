package com.flashsale.coupon.lab.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongUnaryOperator;

/**
 * Offers requests at a fixed rate, whatever the answers do (open loop), which wrk cannot: request
 * i is due at {@code start + i / rate}, and its latency is counted from that due time, not from
 * when a connection became free to send it. A system that falls behind therefore shows its queue
 * in the percentiles instead of slowing the generator down (no coordinated omission).
 */
public final class OpenLoop {

    private OpenLoop() {
    }

    /**
     * @param memberOf the member asking in request i
     */
    public static Result run(Endpoint target, double ratePerSecond, Duration duration, int connections,
            LongUnaryOperator memberOf) throws InterruptedException {
        long total = (long) (ratePerSecond * duration.toMillis() / 1000.0);
        double intervalNanos = 1e9 / ratePerSecond;
        Latencies latencies = new Latencies((int) total);
        AtomicLongArray statuses = new AtomicLongArray(600);
        AtomicLong errors = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime() + 200_000_000L;
        List<Thread> senders = new ArrayList<>(connections);
        for (int c = 0; c < connections; c++) {
            // Platform threads: their timed parks wake closer to the due time than virtual threads' do.
            senders.add(Thread.ofPlatform().name("open-loop-" + c).start(() -> {
                HttpConnection connection = null;
                for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + (long) (i * intervalNanos);
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        if (connection == null) {
                            connection = target.connect();
                        }
                        int status = connection.post(target.body(memberOf.applyAsLong(i)));
                        latencies.record(System.nanoTime() - due);
                        statuses.incrementAndGet(Math.min(status, 599));
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        connection = closeQuietly(connection);
                    }
                }
                closeQuietly(connection);
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(total, latencies.summary(), Statuses.of(statuses), errors.get(), total / seconds);
    }

    static HttpConnection closeQuietly(HttpConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // Already broken; a new one is opened for the next request.
            }
        }
        return null;
    }

    /** {@code achievedRate}: requests per second from the first due time to the last answer. */
    public record Result(long offered, Latencies.Summary latency, Statuses statuses, long errors, double achievedRate) {
    }
}
