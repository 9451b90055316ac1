package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.system.SaleEnvironment;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Bad records in the issued topic during the sale. Poison: payloads that are no event at all, written
 * straight to the topic; they must reach the dead letters without stopping persistence and change
 * nothing. Permanently failing: members active in the Redis ledger but absent from MySQL (as if
 * deleted after provisioning), who ask and are told yes; their rows break the foreign key, so after
 * the dead-letter attempts the worker must revoke them: a failure row with the reason, the member
 * out of the ledger, the coupon back in stock (and sold again if anyone still asks).
 */
final class PoisonAndPermanentFailure implements Fault {

    private static final long FIRST_GHOST = 900_001;
    private static final int GHOSTS = 3;
    private static final List<String> POISON = List.of("this is not an event",
            "{\"schemaVersion\":99,\"eventId\":\"from-the-future\",\"couponId\":2,\"memberId\":1}");

    private final Set<Long> ghosts = LongStream.range(FIRST_GHOST, FIRST_GHOST + GHOSTS).boxed()
            .collect(Collectors.toCollection(LinkedHashSet::new));
    private final Set<Long> told = new LinkedHashSet<>();
    private final Map<Long, Long> returnedAfter = new ConcurrentHashMap<>();
    private long stockAtInjection = -1;

    @Override
    public void prepare(ChaosRun run) {
        ghosts.forEach(run.writes()::addEligibleMember);
    }

    @Override
    public void inject(ChaosRun run) throws Exception {
        stockAtInjection = run.ledger().stock();
        publishPoison(run.system().environment());
        Map<Long, Long> toldAt = new HashMap<>();
        for (long ghost : ghosts) {
            Answer answer = run.issue(0, ghost);
            if (answer.outcome() == Outcome.ISSUED) {
                told.add(ghost);
                toldAt.put(ghost, answer.answeredAt());
            }
        }
        // Part of the fault's course: the sale must still be running when the coupons come back.
        await("the permanently failing issuances revoked").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    for (long ghost : told) {
                        if (!returnedAfter.containsKey(ghost) && !run.probe().redisHolds(ChaosRun.COUPON, ghost)) {
                            long now = System.nanoTime();
                            returnedAfter.put(ghost, now - toldAt.get(ghost));
                            run.returnObserved(now);
                        }
                    }
                    return returnedAfter.size() == told.size();
                });
    }

    private static void publishPoison(SaleEnvironment environment) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.servers().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (String payload : POISON) {
                producer.send(new ProducerRecord<>(environment.issuedTopic(), "poison", payload)).get();
            }
        }
    }

    @Override
    public Set<Long> expectedFailures() {
        return ghosts;
    }

    @Override
    public void verify(ChaosRun run) throws Exception {
        assertThat(told).as("members absent from MySQL told yes (the permanent failures)").isNotEmpty();
        assertThat(run.probe().state(ChaosRun.COUPON).failures()).as("failure rows")
                .containsKeys(told.toArray(Long[]::new));
        assertThat(run.workerMetric("coupon_deadletter_records_total", "outcome=\"unreadable\""))
                .as("poison records the dead-letter processor recognised").isGreaterThanOrEqualTo(POISON.size());
    }

    @Override
    public String note(ChaosRun run) {
        return "%d poison records and %d members missing from MySQL told yes at stock %d of %d; revoked after %s"
                .formatted(POISON.size(), told.size(), stockAtInjection, run.scale().quantity(),
                        returnedAfter.values().stream().map(ChaosRun::seconds).collect(Collectors.joining(", ")));
    }
}
