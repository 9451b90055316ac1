package com.flashsale.coupon.kit.load;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.SaleClient;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;

/**
 * A sale driven by a fixed number of clients, each on its own keep-alive connection, request after
 * request, every answer kept in an {@link AnswerLog}:
 * <ul>
 * <li>{@link #closed}: each client sends its next request as soon as the last one is answered (what
 * wrk does; the highest rate the system sustains, but a slow system slows the load down with it and
 * hides its queue from the latencies).</li>
 * <li>{@link #open}: request i is due at {@code start + i / rate}, whatever the answers do, and its
 * latency is counted from that due time, not from when a client became free to send it: a system
 * that falls behind shows its queue in the percentiles instead of slowing the generator
 * (no coordinated omission). Enough clients must be given to carry the rate.</li>
 * </ul>
 * A loop ends at its request count, its duration, a {@link StopCondition}, or {@link RunningLoad#stop()}.
 * It drives the gateways of a {@link SaleClient}, or any other {@link Asker}.
 */
public final class Loop {

    /** Returned by a member function for a request slot nobody uses: the slot passes, nothing is sent. */
    public static final long NOBODY = -1;

    final Supplier<? extends Asker> askers;
    final int gateways;
    final String couponCode;
    final double ratePerSecond;
    int clients = 64;
    LongUnaryOperator memberAt = index -> index + 1;
    long requests = Long.MAX_VALUE;
    Duration duration = Duration.ofDays(1);
    StopCondition stopWhen = (index, elapsedNanos) -> false;
    LongPredicate stillAsking = member -> true;
    Consumer<Answer> onAnswer = answer -> {
    };

    private Loop(Supplier<? extends Asker> askers, int gateways, String couponCode, double ratePerSecond) {
        this.askers = askers;
        this.gateways = gateways;
        this.couponCode = couponCode;
        this.ratePerSecond = ratePerSecond;
    }

    /** As fast as the answers come back. */
    public static Loop closed(SaleClient client, String couponCode) {
        return new Loop(() -> Asker.of(client.channel()), client.services().gateways().size(), couponCode, 0);
    }

    /**
     * As fast as the answers come back, each client asking through its own {@link Asker} (one gateway,
     * index 0): for a design measured in-process, driven and logged exactly like the system.
     */
    public static Loop closed(Supplier<? extends Asker> askers, String couponCode) {
        return new Loop(askers, 1, couponCode, 0);
    }

    /** At a fixed offered rate, timing each request from when it was due. */
    public static Loop open(SaleClient client, String couponCode, double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("an open loop needs a positive rate, got " + ratePerSecond);
        }
        return new Loop(() -> Asker.of(client.channel()), client.services().gateways().size(), couponCode,
                ratePerSecond);
    }

    /** Concurrent clients, each with its own connection (64 unless set). */
    public Loop clients(int clients) {
        if (clients < 1) {
            throw new IllegalArgumentException("at least one client");
        }
        this.clients = clients;
        return this;
    }

    /** Who sends request number i ({@link #NOBODY} skips it); members 1, 2, 3, ... unless set. */
    public Loop members(LongUnaryOperator memberAt) {
        this.memberAt = memberAt;
        return this;
    }

    /** Exactly these requests, in this order: the count is the list's length. */
    public Loop members(long[] members) {
        long[] list = members.clone();
        this.memberAt = index -> list[(int) index];
        return requests(list.length);
    }

    public Loop requests(long count) {
        this.requests = count;
        return this;
    }

    public Loop duration(Duration duration) {
        this.duration = duration;
        return this;
    }

    /** Asked before each request (once it is due): true ends the loop for every client. */
    public Loop stopWhen(StopCondition stopWhen) {
        this.stopWhen = stopWhen;
        return this;
    }

    /**
     * Asked once the member's request is marked in flight, just before it is sent: false drops it.
     * A caller that stops a member from asking and then sees none of its requests in flight
     * ({@link RunningLoad#inFlight}) knows no request of that member is still on its way.
     */
    public Loop onlyIf(LongPredicate stillAsking) {
        this.stillAsking = stillAsking;
        return this;
    }

    /** Called with every answer, after it is logged, on the client's thread. */
    public Loop onAnswer(Consumer<Answer> onAnswer) {
        this.onAnswer = onAnswer;
        return this;
    }

    /** Starts the clients and returns at once. */
    public RunningLoad start() throws InterruptedException {
        return RunningLoad.start(this);
    }

    /** Starts the clients and waits until the loop has ended. */
    public LoadResult run() throws InterruptedException {
        return start().awaitEnd(Duration.ofDays(1));
    }

    boolean open() {
        return ratePerSecond > 0;
    }

    /** Whether the loop ends before request {@code index}, {@code elapsedNanos} after its start. */
    @FunctionalInterface
    public interface StopCondition {
        boolean stop(long index, long elapsedNanos);
    }
}
