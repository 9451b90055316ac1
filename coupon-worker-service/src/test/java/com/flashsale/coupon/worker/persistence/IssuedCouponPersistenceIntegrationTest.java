package com.flashsale.coupon.worker.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.EventCodec;
import com.flashsale.coupon.testsupport.TestServers;
import com.flashsale.coupon.worker.WorkerTestEnvironment;
import com.flashsale.coupon.worker.WorkerTestEnvironment.Isolation;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The persistence against the real Kafka and MariaDB. Each test uses its own members, so the rows
 * and counters it asserts are its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
class IssuedCouponPersistenceIntegrationTest {

    private static final Duration SETTLE = Duration.ofSeconds(60);

    private static Isolation isolation;
    private static KafkaProducer<String, String> producer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private KafkaConsumer<String, String> deadLetterReader;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        // A short lock wait lets a test hold a row lock to make the worker's insert fail transiently.
        isolation = WorkerTestEnvironment.register(registry, "&sessionVariables=innodb_lock_wait_timeout=1");
    }

    @BeforeAll
    static void openProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.endpoints().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterAll
    static void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @BeforeEach
    void readDeadLettersFromTheBeginning() {
        deadLetterReader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.endpoints().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        List<TopicPartition> partitions = deadLetterReader.partitionsFor(isolation.deadLetterTopic()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        deadLetterReader.assign(partitions);
        deadLetterReader.seekToBeginning(partitions);
    }

    @AfterEach
    void closeDeadLetterReader() {
        deadLetterReader.close(Duration.ofSeconds(1));
    }

    @Test
    void persistsEachRedeliveredEventExactlyOnce() {
        double persistedBefore = persistedRows();
        List<CouponIssued> events = IntStream.rangeClosed(1, 20)
                .mapToObj(member -> issued(1, "WELCOME10", member))
                .toList();

        for (int delivery = 1; delivery <= 2; delivery++) {
            events.forEach(event -> send(null, event.partitionKey(), EventCodec.toJson(event)));
        }
        producer.flush();

        await().atMost(SETTLE).untilAsserted(() -> {
            // Both deliveries of every event went through the insert...
            assertThat(persistedRows() - persistedBefore).isGreaterThanOrEqualTo(40);
            // ...and left one row each.
            assertThat(rowCount(1, 1, 20)).isEqualTo(20);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT member_id) FROM coupon_issues WHERE coupon_id = 1",
                Integer.class)).isEqualTo(20);
    }

    @Test
    void deadLettersAPoisonRecordInTheMiddleOfABatchAndPersistsTheOthersOnce() {
        List<String> batch = new ArrayList<>();
        IntStream.rangeClosed(101, 105).forEach(member -> batch.add(EventCodec.toJson(issued(2, "FLASH100", member))));
        String poison = "{\"schemaVersion\":1,\"eventId\":\"poison\",\"couponId\":\"not-a-number\"";
        batch.add(poison);
        IntStream.rangeClosed(106, 110).forEach(member -> batch.add(EventCodec.toJson(issued(2, "FLASH100", member))));
        double persistedBefore = persistedRows();

        deliverAsOneBatch(0, batch);

        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(rowCount(2, 101, 110)).isEqualTo(10);
            assertThat(persistedRows() - persistedBefore).isEqualTo(10);
        });
        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(poison);
        assertThat(deadLetter.partition()).isZero();
        assertThat(headersOf(deadLetter)).contains("UnreadableEventException");
        assertThat(persistedRows() - persistedBefore).isEqualTo(10);
    }

    @Test
    void deadLettersAnEventOfAnUnknownMemberAndPersistsTheOthers() {
        CouponIssued unknownMember = issued(2, "FLASH100", 999_999);
        String unknown = EventCodec.toJson(unknownMember);

        deliverAsOneBatch(1, List.of(EventCodec.toJson(issued(2, "FLASH100", 201)), unknown,
                EventCodec.toJson(issued(2, "FLASH100", 202))));

        await().atMost(SETTLE).untilAsserted(() -> assertThat(rowCount(2, 201, 202)).isEqualTo(2));
        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(unknown);
        assertThat(deadLetter.partition()).isEqualTo(1);
        assertThat(headersOf(deadLetter)).contains("DataIntegrityViolationException");
        assertThat(rowCount(2, 999_999, 999_999)).isZero();
    }

    @Test
    void retriesATransientFailureUntilItPassesAndNeverDeadLettersIt() throws Exception {
        CouponIssued event = issued(3, "ENDED50", 301);
        double transientFailuresBefore = failedDeliveries("transient");

        try (Connection blocker = dataSource.getConnection()) {
            // An uncommitted row on the same unique key makes the worker's insert wait for the lock and time out.
            blocker.setAutoCommit(false);
            try (PreparedStatement insert = blocker.prepareStatement("INSERT INTO coupon_issues "
                    + "(coupon_id, member_id, event_id, accepted_at) VALUES (3, 301, 'blocker', NOW(3))")) {
                insert.executeUpdate();
            }
            send(null, event.partitionKey(), EventCodec.toJson(event));
            producer.flush();

            await().atMost(SETTLE)
                    .untilAsserted(() -> assertThat(failedDeliveries("transient") - transientFailuresBefore)
                            .isGreaterThanOrEqualTo(2));
            blocker.rollback();
        }

        await().atMost(SETTLE).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT event_id FROM coupon_issues WHERE coupon_id = 3 AND member_id = 301", String.class))
                .containsExactly(event.eventId()));
        assertThat(drainDeadLetters()).noneMatch(record -> record.value().contains(event.eventId()));
    }

    private static CouponIssued issued(long couponId, String couponCode, long memberId) {
        return CouponIssued.of(couponCode + ":" + memberId + ":" + UUID.randomUUID(), couponId, couponCode,
                memberId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Publishes while the listener is stopped, so it finds all records waiting and polls them together. */
    private void deliverAsOneBatch(int partition, List<String> payloads) {
        MessageListenerContainer container = listeners.getListenerContainer(CouponIssuedListener.ID);
        container.stop();
        try {
            payloads.forEach(payload -> send(partition, "batch", payload));
            producer.flush();
        } finally {
            container.start();
        }
    }

    private static void send(Integer partition, String key, String value) {
        producer.send(new ProducerRecord<>(isolation.issuedTopic(), partition, key, value));
    }

    private ConsumerRecord<String, String> awaitDeadLetter(String payload) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        await().atMost(SETTLE).until(() -> {
            deadLetterReader.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().anyMatch(record -> payload.equals(record.value()));
        });
        return seen.stream().filter(record -> payload.equals(record.value())).findFirst().orElseThrow();
    }

    /** Everything in the dead-letter topic right now. */
    private List<ConsumerRecord<String, String>> drainDeadLetters() {
        Map<TopicPartition, Long> ends = deadLetterReader.endOffsets(deadLetterReader.assignment());
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        await().atMost(SETTLE).until(() -> {
            deadLetterReader.poll(Duration.ofMillis(200)).forEach(seen::add);
            return ends.entrySet().stream()
                    .allMatch(end -> deadLetterReader.position(end.getKey()) >= end.getValue());
        });
        return seen;
    }

    private static String headersOf(ConsumerRecord<String, String> record) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .map(Header::value)
                .map(value -> new String(value, StandardCharsets.UTF_8))
                .reduce("", (all, value) -> all + " " + value);
    }

    private int rowCount(long couponId, long firstMember, long lastMember) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM coupon_issues WHERE coupon_id = ? AND member_id BETWEEN ? AND ?",
                Integer.class, couponId, firstMember, lastMember);
    }

    private double persistedRows() {
        return meters.counter("coupon.persisted.rows").count();
    }

    private double failedDeliveries(String kind) {
        return meters.counter("coupon.persistence.failed.deliveries", "kind", kind).count();
    }
}
