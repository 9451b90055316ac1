package com.flashsale.coupon.worker.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.EventCodec;
import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.testsupport.TestServers;
import com.flashsale.coupon.worker.WorkerStoresTest;
import com.flashsale.coupon.worker.WorkerTestEnvironment;
import com.flashsale.coupon.worker.WorkerTestEnvironment.Isolation;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dead-letter processor against the real Kafka, MariaDB and Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"coupon.deadletter.attempts=10", "coupon.deadletter.initial-interval=300ms",
                "coupon.deadletter.multiplier=1.0"})
@DirtiesContext
class DeadLetterIntegrationTest extends WorkerStoresTest {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final LedgerKeys FLASH100 = LedgerKeys.forCoupon("FLASH100");

    private static Isolation isolation;
    private static KafkaProducer<String, String> producer;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        isolation = WorkerTestEnvironment.register(registry);
    }

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestServers.endpoints().kafkaBootstrapServers()), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @BeforeEach
    void provision() {
        provisionIntoEmptyRedis();
    }

    @Test
    void returnsStockOnceWhenDeadLetterGivesUpEvenIfDeliveredTwice() {
        // The gateway accepted member 900001, who does not exist in MySQL: persisting can never succeed.
        CouponIssued event = acceptInLedger(900_001);
        assertThat(stock()).isEqualTo(99);

        deadLetter(event);
        deadLetter(event);

        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(failedRows(event)).isEqualTo(1);
            assertThat(revocations()).isEqualTo(2.0);
        });
        assertThat(stock()).isEqualTo(100);
        assertThat(redis.opsForZSet().score(FLASH100.issued(), "900001")).isNull();
        assertThat(jdbc.queryForObject("SELECT status FROM failed_coupon_issues WHERE event_id = ?", String.class,
                event.eventId())).isEqualTo("COMPENSATED");
        assertThat(meters.counter("coupon.compensations").count()).isEqualTo(1.0);
    }

    @Test
    void persistsDeadLetterWhoseCauseWasFixedBeforeTheAttemptsRanOut() {
        long memberId = 900_002;
        CouponIssued event = acceptInLedger(memberId);

        deadLetter(event);
        // The first attempt fails on the missing member...
        await().atMost(SETTLE).until(() -> meters.counter("coupon.deadletter.failed.attempts").count() >= 1);
        jdbc.update("INSERT INTO members (id, name, email, status) VALUES (?, 'Late', 'late@example.com', 'ACTIVE')",
                memberId);

        // ...and a later one succeeds once the member exists: no revocation, the row is there.
        await().atMost(SETTLE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM coupon_issues WHERE member_id = ?", Long.class, memberId)).isEqualTo(1));
        assertThat(failedRows(event)).isZero();
        assertThat(redis.opsForZSet().score(FLASH100.issued(), Long.toString(memberId))).isNotNull();
    }

    @Test
    void dropsUnreadableDeadLettersWithoutTouchingTheLedger() {
        long failedBefore = jdbc.queryForObject("SELECT COUNT(*) FROM failed_coupon_issues", Long.class);
        producer.send(new ProducerRecord<>(isolation.deadLetterTopic(), "x", "{not an event"));

        await().atMost(SETTLE).untilAsserted(() -> assertThat(meters.counter("coupon.deadletter.records",
                "outcome", "unreadable").count()).isEqualTo(1.0));
        assertThat(stock()).isEqualTo(100);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM failed_coupon_issues", Long.class)).isEqualTo(failedBefore);
    }

    /** What the gateway's issue script does for an accepted member. */
    private CouponIssued acceptInLedger(long memberId) {
        Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        redis.opsForZSet().add(FLASH100.issued(), Long.toString(memberId), acceptedAt.toEpochMilli());
        redis.opsForValue().decrement(FLASH100.stock());
        return CouponIssued.of("FLASH100:" + acceptedAt.toEpochMilli() + "-0", 2, "FLASH100", memberId, acceptedAt);
    }

    private void deadLetter(CouponIssued event) {
        producer.send(new ProducerRecord<>(isolation.deadLetterTopic(), event.partitionKey(), EventCodec.toJson(event)));
        producer.flush();
    }

    private long stock() {
        return Long.parseLong(redis.opsForValue().get(FLASH100.stock()));
    }

    private long failedRows(CouponIssued event) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM failed_coupon_issues WHERE event_id = ?", Long.class,
                event.eventId());
    }

    private double revocations() {
        return meters.counter("coupon.deadletter.records", "outcome", "failed").count();
    }
}
