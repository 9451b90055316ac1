package com.flashsale.coupon.kit.load;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.IssueChannel;
import com.flashsale.coupon.kit.api.SaleClient;
import java.util.concurrent.ExecutionException;
import java.util.stream.LongStream;

/**
 * The seed's flash sale: every member's request released at one instant. Each request waits on its
 * own virtual thread, on its own connection, already open, behind one start latch released only
 * when all of them are parked on it: the gateway sees the burst the seed describes, not a ramp.
 *
 * <p>Why a connection per request, opened before the release: with a shared pool, requests that
 * start late (two cores, five hundred threads) pick up connections earlier answers left idle. The
 * server may close an idle keep-alive connection at any moment (the JDK's own HTTP server closes
 * those past its idle limit at once), and a POST sent on one it just closed never reaches it: seen
 * as 497 of 500 requests arriving, with "header parser received no bytes" for the other three,
 * about one run in thirty on a busy machine. A fresh connection per member cannot be stale, and
 * opening them all ahead keeps connection set-up out of the burst.
 */
public final class Burst {

    private final SaleClient client;
    private final String couponCode;
    private final long[] members;
    private int gateway;

    private Burst(SaleClient client, String couponCode, long[] members) {
        this.client = client;
        this.couponCode = couponCode;
        this.members = members.clone();
    }

    /** One request per entry, all at once; a member listed twice asks twice at once. */
    public static Burst of(SaleClient client, String couponCode, long... members) {
        return new Burst(client, couponCode, members);
    }

    /** Members {@code first..first+count-1}, once each: the seed's is {@code 1..500}. */
    public static Burst ofMembers(SaleClient client, String couponCode, long first, int count) {
        return of(client, couponCode, LongStream.range(first, first + count).toArray());
    }

    /** Sends the burst to this gateway replica instead of the first. */
    public Burst onGateway(int gateway) {
        this.gateway = gateway;
        return this;
    }

    /** Fires and returns once every request has its answer (bounded by the client's timeouts). */
    public LoadResult fire() throws InterruptedException {
        // Every member's credentials before anyone is parked: a token signed after the release would stagger it.
        client.prepare(LongStream.of(members).boxed().toList());
        AnswerLog log = new AnswerLog();
        Simultaneous.Released<Answer> released;
        try {
            released = Simultaneous.run(members.length, this::connected, (index, channel, releasedAt) -> {
                try (channel) {
                    Answer answer = channel.ask(gateway, couponCode, members[index], releasedAt);
                    log.add(answer);
                    return answer;
                }
            });
        } catch (ExecutionException e) {
            throw new IllegalStateException("a member's request failed outside its answer", e.getCause());
        }
        return new LoadResult(log, released.releasedAt(), System.nanoTime(), released.releasedAtMillis());
    }

    /** A channel to the gateway, connected ahead; one that cannot connect now asks again at the release. */
    private IssueChannel connected(int index) {
        IssueChannel channel = client.channel();
        try {
            channel.connect(gateway);
        } catch (Exception e) {
            // A connection that cannot be made at the release either is answered NOT_CONNECTED.
        }
        return channel;
    }
}
