package com.flashsale.coupon.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.EventCodec;
import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.gateway.support.GatewayTestProperties;
import com.flashsale.coupon.gateway.support.LedgerFixture;
import com.flashsale.coupon.kit.api.Credentials;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.testsupport.RecordingConsumer;
import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The relay between the Redis outbox and the real Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"coupon.relay.claim-idle=300ms", "coupon.relay.claim-interval=100ms"})
class OutboxRelayIntegrationTest {

    @AutoClose
    private static final LedgerFixture ledger = new LedgerFixture();
    private static String topic;

    @Autowired
    OutboxRelay relay;

    @Autowired
    OutboxStreams streams;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        // Before the context (and its relay) starts: outbox entries other tests left must not reach our topic.
        ledger.reset();
        topic = GatewayTestProperties.register(registry);
    }

    @BeforeEach
    void provision() {
        relay.stop();
        ledger.reset().openCampaign("FLASH100", 2, 100).members(1, 10, "ACTIVE");
    }

    /**
     * Nothing a test left in the outbox may reach the shared topic once the relay runs again: a
     * slow machine gives the relay time to claim a test's leftovers before the next test resets.
     */
    @AfterEach
    void restartRelay() {
        ledger.reset();
        relay.start();
    }


    @Test
    void issuanceAcceptedWhileRelayIsDownReachesKafkaExactlyOnceWhenItRuns() {
        try (RecordingConsumer kafka = new RecordingConsumer(topic)) {
            assertThat(SaleClient.ofService(port, Credentials.none()).replyToIssue("FLASH100", 4).status()).isEqualTo(200);
            assertThat(ledger.outboxLength("FLASH100")).isEqualTo(1);
            assertThat(kafka.poll()).isEmpty();

            relay.start();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                // The topic is shared by every test of this class: count this test's member only.
                List<ConsumerRecord<String, String>> records = forMember(kafka.poll(), 4);
                assertThat(records).hasSize(1);
                CouponIssued event = EventCodec.couponIssued(records.getFirst().value());
                assertThat(event.couponId()).isEqualTo(2);
                assertThat(event.couponCode()).isEqualTo("FLASH100");
                assertThat(event.memberId()).isEqualTo(4);
                assertThat(event.eventId()).startsWith("FLASH100:");
                assertThat(records.getFirst().key()).isEqualTo("FLASH100:4");
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> ledger.outboxLength("FLASH100") == 0);
            assertThat(forMember(kafka.poll(), 4)).hasSize(1);
        }
    }

    @Test
    void entriesLeftPendingByADeadGatewayAreClaimedAndPublished() {
        SaleClient api = SaleClient.ofService(port, Credentials.none());
        // Members of their own: the topic is shared by every test of this class.
        for (long member = 6; member <= 10; member++) {
            assertThat(api.replyToIssue("FLASH100", member).status()).isEqualTo(200);
        }
        String stream = LedgerKeys.forCoupon("FLASH100").outbox();
        ledger.redis.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), LedgerKeys.RELAY_GROUP,
                XGroupCreateArgs.Builder.mkstream());
        // A gateway that read the entries and died before Kafka acknowledged them.
        assertThat(ledger.redis.xreadgroup(Consumer.from(LedgerKeys.RELAY_GROUP, "dead-gateway"),
                XReadArgs.StreamOffset.lastConsumed(stream))).hasSize(5);

        try (RecordingConsumer kafka = new RecordingConsumer(topic)) {
            relay.start();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.poll()
                    .stream().map(r -> EventCodec.couponIssued(r.value()).memberId()))
                    .filteredOn(member -> member >= 6).containsExactlyInAnyOrder(6L, 7L, 8L, 9L, 10L));
            await().atMost(Duration.ofSeconds(10)).until(() -> ledger.outboxLength("FLASH100") == 0);
            assertThat(ledger.redis.xpending(stream, LedgerKeys.RELAY_GROUP).getCount()).isZero();
        }
    }

    @Test
    void acknowledgingRemovesExactlyTheAcknowledgedEntriesHoweverMany() {
        String stream = LedgerKeys.forCoupon("FLASH100").outbox();
        for (int member = 1; member <= 2_500; member++) {
            ledger.redis.xadd(stream, "memberId", Integer.toString(member), "couponId", "2", "acceptedAt", "1");
        }
        List<OutboxEntry> delivered = streams.readNew("FLASH100", Consumer.from(LedgerKeys.RELAY_GROUP, "this-test"),
                2_500);
        assertThat(delivered).hasSize(2_500);

        // More ids than the script hands to one XACK/XDEL call, and not all of them.
        streams.acknowledge("FLASH100", delivered.subList(0, 2_400).stream().map(OutboxEntry::entryId).toList());

        assertThat(ledger.outboxLength("FLASH100")).isEqualTo(100);
        assertThat(ledger.redis.xpending(stream, LedgerKeys.RELAY_GROUP).getCount()).isEqualTo(100);
        assertThat(ledger.redis.xrange(stream, Range.create("-", "+")))
                .extracting(message -> message.getBody().get("memberId"))
                .containsExactlyElementsOf(IntStream.rangeClosed(2_401, 2_500)
                        .mapToObj(Integer::toString).toList());
    }

    private static List<ConsumerRecord<String, String>> forMember(List<ConsumerRecord<String, String>> records,
            long memberId) {
        return records.stream().filter(r -> EventCodec.couponIssued(r.value()).memberId() == memberId).toList();
    }
}
