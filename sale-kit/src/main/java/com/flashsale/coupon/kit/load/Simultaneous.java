package com.flashsale.coupon.kit.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Calls released at one instant: each runs on a virtual thread of its own, prepares what it needs
 * (a connection, say), parks on one start latch, and the latch is released only when every call is
 * parked on it, so what they race for sees them all at once rather than a ramp. The burst of a sale
 * ({@link Burst}) and every test of what simultaneous callers may do (two operators changing one
 * campaign, replays racing the sale) are made of it.
 */
public final class Simultaneous {

    private Simultaneous() {
    }

    /** One call, by its index among the simultaneous ones; it may throw. */
    @FunctionalInterface
    public interface Call<T> {
        T call(int index) throws Exception;
    }

    /** One call with what it prepared before the release, and the release's {@link System#nanoTime()}. */
    @FunctionalInterface
    public interface PreparedCall<P, T> {
        T call(int index, P prepared, long releasedAt) throws Exception;
    }

    /** What every call returned, in index order, and when they were released. */
    public record Released<T>(List<T> results, long releasedAt, long releasedAtMillis) {
    }

    /** {@code call(0..count-1)} released together; their results in index order. */
    public static <T> List<T> run(int count, Call<T> call) throws InterruptedException, ExecutionException {
        return run(count, index -> null, (index, nothing, releasedAt) -> call.call(index)).results();
    }

    /**
     * Each call's {@code prepare} before it parks, then {@code call} once all are released.
     *
     * @throws ExecutionException the first call (by index) that threw, once all have ended
     */
    public static <P, T> Released<T> run(int count, IntFunction<P> prepare, PreparedCall<P, T> call)
            throws InterruptedException, ExecutionException {
        CountDownLatch parked = new CountDownLatch(count);
        CountDownLatch release = new CountDownLatch(1);
        long[] releasedAt = new long[1];
        List<Future<T>> futures = new ArrayList<>(count);
        long releasedAtMillis;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    P prepared;
                    try {
                        prepared = prepare.apply(index);
                    } finally {
                        parked.countDown();
                    }
                    release.await();
                    return call.call(index, prepared, releasedAt[0]);
                }));
            }
            parked.await();
            releasedAtMillis = System.currentTimeMillis();
            releasedAt[0] = System.nanoTime();
            // The latch publishes releasedAt to every call (countDown happens-before a returning await).
            release.countDown();
        }
        List<T> results = new ArrayList<>(count);
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return new Released<>(results, releasedAt[0], releasedAtMillis);
    }
}
