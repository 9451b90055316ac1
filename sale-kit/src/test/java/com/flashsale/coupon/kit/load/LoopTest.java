package com.flashsale.coupon.kit.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A loop over askers that decide in memory: no gateway, no server. */
class LoopTest {

    @Test
    void aClosedLoopDrivesEveryClientThroughItsOwnAsker() throws Exception {
        InMemorySale sale = new InMemorySale(100);
        long[] requests = LongStream.rangeClosed(1, 300).toArray();

        LoadResult result = Loop.closed(sale::asker, "LAB").clients(8).members(requests).run();

        assertThat(result.log().size()).isEqualTo(300);
        assertThat(result.count(Outcome.ISSUED)).isEqualTo(100);
        assertThat(result.count(Outcome.SOLD_OUT)).isEqualTo(200);
        assertThat(result.log().byMember()).hasSize(300);
        assertThat(sale.opened.get()).as("one asker per client").isEqualTo(8);
        assertThat(sale.closed.get()).as("every asker closed when its client ends").isEqualTo(8);
        assertThat(sale.connected).as("each asker got ready before the start").hasSize(8);
        assertThat(result.latency().count()).isEqualTo(300);
    }

    @Test
    void aClosedLoopOverAskersEndsAfterItsDuration() throws Exception {
        InMemorySale sale = new InMemorySale(Long.MAX_VALUE);

        LoadResult result = Loop.closed(sale::asker, "LAB").clients(2).duration(Duration.ofMillis(200)).run();

        assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofSeconds(30));
        assertThat(result.log().size()).isPositive();
    }

    /** Stock in one counter; answers as the gateway would (200, or 409 COUPON-003). */
    private static final class InMemorySale {

        final AtomicLong stock;
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final Set<Asker> connected = ConcurrentHashMap.newKeySet();

        InMemorySale(long stock) {
            this.stock = new AtomicLong(stock);
        }

        Asker asker() {
            opened.incrementAndGet();
            return new Asker() {
                @Override
                public void connect(int gateway) {
                    connected.add(this);
                }

                @Override
                public Answer ask(int gateway, String couponCode, long memberId, long dueAt) {
                    long sentAt = System.nanoTime();
                    boolean issued = stock.getAndUpdate(s -> s > 0 ? s - 1 : s) > 0;
                    return issued ? new Answer(memberId, gateway, Outcome.ISSUED, 200, null, null, dueAt, sentAt, System.nanoTime())
                            : new Answer(memberId, gateway, Outcome.SOLD_OUT, 409, "COUPON-003", null, dueAt, sentAt,
                                    System.nanoTime());
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }
    }
}
