package com.flashsale.coupon.gateway.redis;

import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The replica confirmation of one node connection, shared by every caller waiting on it: a group
 * commit.
 *
 * <p>{@code WAIT 1 timeout} confirms every write its connection sent before it. A caller whose script
 * has answered was sent before any {@code WAIT} sent from now on, so it may join the next one. At
 * most one confirmation is in flight per connection: callers arriving meanwhile wait for the one sent
 * when it answers, so under load one round trip to the replicas confirms a whole pipelined batch of
 * decisions, and an idle connection confirms a lone decision at once. (A {@code WAIT} also holds
 * back, inside Redis, the commands pipelined behind it on its connection until it returns; a second
 * one in flight would only lengthen that.)
 *
 * <p>When {@code WAIT} finds no replica in time, the primary is asked whether any replica is linked
 * to it at all ({@link ReplicaLinks}). A replica linked but silent (paused, slow, cut off by a
 * partition) could be promoted without the decision: not confirmed, the member gets a 503. A primary
 * with no replica linked (it died, or is still copying the data set) has nobody to wait for and
 * nobody who could take its place with less: the decision is as safe as on one Redis, in its
 * append-only file before the answer. So a replica's crash does not turn its primary's coupons into
 * 503s; while the primary stays alone, it is asked again every {@link #ALONE_RECHECK} instead of
 * waiting out a {@code WAIT} per batch.
 */
final class GroupCommit {

    static final Duration ALONE_RECHECK = Duration.ofSeconds(1);

    private final RedisAsyncCommands<String, String> commands;
    private final long timeoutMillis;
    private CompletableFuture<Boolean> inFlight;
    private CompletableFuture<Boolean> next;
    /** {@link System#nanoTime()} until which the primary is known to have no replica linked; 0 when it has. */
    private volatile long aloneUntil;

    GroupCommit(RedisAsyncCommands<String, String> commands, Duration timeout) {
        this.commands = commands;
        this.timeoutMillis = timeout.toMillis();
    }

    /** True once every write this connection sent before the call is as safe as it can be made (see above). */
    synchronized CompletableFuture<Boolean> confirm() {
        if (aloneUntil != 0 && System.nanoTime() - aloneUntil < 0) {
            return CompletableFuture.completedFuture(true);
        }
        if (inFlight == null) {
            return startConfirmation();
        }
        if (next == null) {
            next = new CompletableFuture<>();
        }
        return next;
    }

    /** Holding the lock. A confirmation that fails at once (no connection) completes here, re-entering {@link #answered}. */
    private CompletableFuture<Boolean> startConfirmation() {
        CompletableFuture<Boolean> sent = aloneUntil != 0 ? askReplicaLinks().thenCompose(
                alone -> alone ? CompletableFuture.completedFuture(true) : waitForReplica()) : waitForReplica();
        inFlight = sent;
        sent.whenComplete((confirmed, failure) -> answered(sent));
        return sent;
    }

    private CompletableFuture<Boolean> waitForReplica() {
        return commands.waitForReplication(1, timeoutMillis).toCompletableFuture()
                .thenCompose(replicas -> replicas >= 1 ? CompletableFuture.completedFuture(true) : askReplicaLinks());
    }

    /** True when the primary has no replica linked: it is alone (and remembered so for a while). */
    private CompletableFuture<Boolean> askReplicaLinks() {
        return commands.info("replication").toCompletableFuture().thenApply(info -> {
            boolean alone = ReplicaLinks.online(info) == 0;
            aloneUntil = alone ? (System.nanoTime() + ALONE_RECHECK.toNanos()) | 1 : 0;
            return alone;
        });
    }

    private void answered(CompletableFuture<Boolean> done) {
        CompletableFuture<Boolean> waiting;
        CompletableFuture<Boolean> following;
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
            following = startConfirmation();
        }
        following.whenComplete((confirmed, failure) -> {
            if (failure != null) {
                waiting.completeExceptionally(failure);
            } else {
                waiting.complete(confirmed);
            }
        });
    }
}
