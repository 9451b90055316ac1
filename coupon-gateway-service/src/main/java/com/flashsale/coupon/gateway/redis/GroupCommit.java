package com.flashsale.coupon.gateway.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code WAIT 1 timeout} for one connection, shared by every caller waiting on it: a group commit.
 *
 * <p>{@code WAIT} confirms every write its connection sent before it. A caller whose script has
 * answered was sent before any {@code WAIT} sent from now on, so it may join the next one. At most
 * one {@code WAIT} is in flight per connection: callers arriving meanwhile wait for the one sent
 * when it answers, so under load one round trip to the replicas confirms a whole pipelined batch of
 * decisions, and an idle connection confirms a lone decision at once. (A {@code WAIT} also holds
 * back, inside Redis, the commands pipelined behind it on its connection until it returns; a
 * second one in flight would only lengthen that.)
 */
final class GroupCommit {

    private final RedisAsyncCommands<String, String> commands;
    private final long timeoutMillis;
    private CompletableFuture<Long> inFlight;
    private CompletableFuture<Long> next;

    GroupCommit(RedisAsyncCommands<String, String> commands, Duration timeout) {
        this.commands = commands;
        this.timeoutMillis = timeout.toMillis();
    }

    /** How many replicas hold every write this connection sent before the call (at least 1 asked). */
    synchronized CompletableFuture<Long> confirm() {
        if (inFlight == null) {
            return startWait();
        }
        if (next == null) {
            next = new CompletableFuture<>();
        }
        return next;
    }

    /** Holding the lock. A WAIT that fails at once (no connection) completes here, re-entering {@link #answered}. */
    private CompletableFuture<Long> startWait() {
        CompletableFuture<Long> sent = commands.waitForReplication(1, timeoutMillis).toCompletableFuture();
        inFlight = sent;
        sent.whenComplete((replicas, failure) -> answered(sent));
        return sent;
    }

    private void answered(CompletableFuture<Long> done) {
        CompletableFuture<Long> waiting;
        CompletableFuture<Long> following;
        synchronized (this) {
            if (inFlight != done) {
                return;
            }
            inFlight = null;
            waiting = next;
            next = null;
            if (waiting == null) {
                return;
            }
            following = startWait();
        }
        following.whenComplete((replicas, failure) -> {
            if (failure != null) {
                waiting.completeExceptionally(failure);
            } else {
                waiting.complete(replicas);
            }
        });
    }
}
