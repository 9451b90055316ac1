package com.flashsale.coupon.kit.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Credentials;
import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.api.Services;
import com.flashsale.coupon.kit.support.StandInGateway;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Closed and open loops against gateways on loopback. */
class LoopIntegrationTest {

    @AutoClose
    private StandInGateway gateway;

    @Test
    void aClosedLoopSendsExactlyTheListedRequestsOnItsClientsConnections() throws Exception {
        gateway = StandInGateway.withStock(150);
        // 200 members twice each, shuffled the same way every run.
        long[] requests = LongStream.range(0, 400).map(i -> 1 + (i * 7919) % 200).toArray();

        try (SaleClient client = StandInGateway.clientOf(gateway.port())) {
            LoadResult result = Loop.closed(client, "FLASH100").clients(8).members(requests).run();

            assertThat(result.log().size()).isEqualTo(400);
            assertThat(result.log().byMember()).hasSize(200).allSatisfy((member, answers) -> assertThat(answers).hasSize(2));
            assertThat(result.count(Outcome.ISSUED)).isEqualTo(150);
            assertThat(result.count(Outcome.DUPLICATE) + result.count(Outcome.SOLD_OUT)).isEqualTo(250);
            assertThat(gateway.connections()).as("keep-alive: one connection per client").isEqualTo(8);
            assertThat(result.throughput()).isPositive();
        }
    }

    @Test
    void aClosedLoopEndsAfterItsDuration() throws Exception {
        gateway = StandInGateway.withStock(1_000_000);

        try (SaleClient client = StandInGateway.clientOf(gateway.port())) {
            LoadResult result = Loop.closed(client, "FLASH100").clients(4).duration(Duration.ofMillis(300)).run();

            assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(30));
            assertThat(result.log().size()).isPositive().isEqualTo(gateway.requests());
        }
    }

    /**
     * One client, a gateway that takes 30 ms per answer, 100 requests offered per second: the client
     * can carry a third of that, so a queue builds. Timed from when each request was due, the
     * latencies show that queue (a closed loop would report 30 ms throughout).
     */
    @Test
    void anOpenLoopTimesEachRequestFromWhenItWasDue() throws Exception {
        gateway = StandInGateway.withStock(1_000).delay(Duration.ofMillis(30));

        try (SaleClient client = StandInGateway.clientOf(gateway.port())) {
            LoadResult result = Loop.open(client, "FLASH100", 100).clients(1).requests(40).run();

            List<Answer> answers = result.log().all();
            assertThat(answers).hasSize(40).allMatch(a -> a.outcome() == Outcome.ISSUED);
            assertThat(answers).allMatch(a -> a.sentAt() >= a.dueAt());
            // The 40th was due at 390 ms and could not start before about 39 x 30 ms = 1170 ms.
            assertThat(result.latency().max()).isGreaterThan(600);
            assertThat(result.latency().count()).isEqualTo(40);
        }
    }

    @Test
    void anOpenLoopOffersItsRateForItsDurationWhateverTheAnswersDo() throws Exception {
        gateway = StandInGateway.withStock(1_000_000).delay(Duration.ofMillis(20));

        try (SaleClient client = StandInGateway.clientOf(gateway.port())) {
            LoadResult result = Loop.open(client, "FLASH100", 200).clients(16).duration(Duration.ofSeconds(1)).run();

            // Request i is due at i x 5 ms: those due inside the second are sent, the 200th is not.
            assertThat(result.log().size()).isEqualTo(200);
            long[] due = result.log().all().stream().mapToLong(a -> a.dueAt() - result.startedAt()).sorted().toArray();
            assertThat(due[0]).isZero();
            assertThat(due[199]).isEqualTo(Duration.ofMillis(995).toNanos());
        }
    }

    @Test
    void stopsWhenToldAndKnowsWhoIsInFlight() throws Exception {
        gateway = StandInGateway.withStock(1_000_000).delay(Duration.ofMillis(5));
        AtomicInteger issued = new AtomicInteger();
        Set<Long> answeredWhileInFlight = ConcurrentHashMap.newKeySet();
        Set<Long> answeredAfterwards = ConcurrentHashMap.newKeySet();
        RunningLoad[] running = new RunningLoad[1];

        try (SaleClient client = StandInGateway.clientOf(gateway.port())) {
            running[0] = Loop.closed(client, "FLASH100").clients(4)
                    .onlyIf(member -> member % 2 == 1)
                    .onAnswer(answer -> {
                        // Still marked: a request counts as in flight until its answer has been handed on.
                        (running[0] == null || running[0].inFlight(answer.memberId()) ? answeredWhileInFlight
                                : answeredAfterwards).add(answer.memberId());
                        if (answer.outcome() == Outcome.ISSUED) {
                            issued.incrementAndGet();
                        }
                    })
                    .stopWhen((index, elapsed) -> issued.get() >= 20)
                    .start();
            LoadResult result = running[0].awaitEnd(Duration.ofSeconds(30));

            assertThat(issued.get()).as("the clients stop within one request each").isBetween(20, 24);
            assertThat(result.log().all()).allMatch(a -> a.memberId() % 2 == 1, "even members dropped by onlyIf");
            assertThat(result.log().size()).isEqualTo(gateway.requests());
            assertThat(answeredAfterwards).isEmpty();
            assertThat(answeredWhileInFlight).hasSize(result.log().size());
            assertThat(answeredWhileInFlight).noneMatch(running[0]::inFlight);
        }
    }

    @Test
    void aDownReplicaIsPassedOverForAMoment() throws Exception {
        gateway = StandInGateway.withStock(1_000_000);
        Services services = new Services(List.of(LocalTarget.port(gateway.port()),
                LocalTarget.port(StandInGateway.closedPort())), LocalTarget.port(StandInGateway.closedPort()));

        try (SaleClient client = new SaleClient(services, Credentials.none())) {
            LoadResult result = Loop.closed(client, "FLASH100").clients(2).requests(200).run();

            Map<Integer, Long> byGateway = result.log().all().stream()
                    .collect(Collectors.groupingBy(Answer::gateway, Collectors.counting()));
            assertThat(result.log().size()).isEqualTo(200);
            assertThat(result.count(Outcome.NOT_CONNECTED)).isPositive().isEqualTo(byGateway.get(1));
            assertThat(byGateway.get(0)).as("the live replica carries the sale").isGreaterThan(150);
        }
    }
}
