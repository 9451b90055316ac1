package com.flashsale.coupon.gateway.redis;

import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;

/**
 * Waits for Redis answers without a timer per command, and fails the commands Redis has not
 * answered within the command timeout.
 *
 * <p>Why not Lettuce's synchronous API on the request path: it waits with a timed park, and a
 * virtual thread's timed park hands a timer task to the JDK's delay scheduler thread and takes it
 * back once the answer is in, two cross-thread wake-ups per command. At 4,000 issue requests/s that
 * was about a tenth of the gateway's CPU (docs/benchmarks.md). Here the caller parks without a
 * timer, and one {@link #sweep()} every {@link #SWEEP_EVERY} fails every command older than the
 * timeout with the {@link RedisCommandTimeoutException} Lettuce itself would throw: a member still
 * gets a 503 within the timeout plus one sweep period.
 */
final class CommandDeadlines {

    static final Duration SWEEP_EVERY = Duration.ofMillis(50);

    /**
     * In the order the commands were sent, which on one connection is the order Redis answers
     * them: the sweep only ever looks at the oldest entries.
     */
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final Duration timeout;
    private final long timeoutNanos;

    CommandDeadlines(Duration timeout) {
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
    }

    /** The command's answer (a {@code RedisFuture}, or one derived from commands: a group commit's {@code WAIT}); its failure, or a timeout, is thrown as the {@link RedisException} it is. */
    <T> T await(CompletionStage<T> answer) {
        CompletableFuture<T> future = answer.toCompletableFuture();
        if (!future.isDone()) {
            pending.offer(new Pending(future, System.nanoTime()));
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw asRedisException(e.getCause());
        } catch (CancellationException e) {
            // Lettuce cancels the commands of a connection it closes for good.
            throw new RedisException("Command cancelled: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisCommandInterruptedException(e);
        }
    }

    /** Forgets the answered commands at the head and fails the overdue ones. */
    void sweep() {
        long now = System.nanoTime();
        for (Pending oldest = pending.peek(); oldest != null; oldest = pending.peek()) {
            if (!oldest.future.isDone() && now - oldest.sentAtNanos < timeoutNanos) {
                return;
            }
            pending.poll();
            if (!oldest.future.isDone()) {
                // A late answer finds the command completed and is dropped, as with Lettuce's own timeouts.
                oldest.future.completeExceptionally(new RedisCommandTimeoutException(
                        "Command timed out after " + timeout.toMillis() + " millisecond(s)"));
            }
        }
    }

    /** Commands still tracked: unanswered ones, and answered ones queued behind an unanswered one. */
    int tracked() {
        return pending.size();
    }

    private static RedisException asRedisException(Throwable cause) {
        if (cause instanceof RedisException redis) {
            return redis;
        }
        return new RedisException(cause);
    }

    private record Pending(CompletableFuture<?> future, long sentAtNanos) {
    }
}
