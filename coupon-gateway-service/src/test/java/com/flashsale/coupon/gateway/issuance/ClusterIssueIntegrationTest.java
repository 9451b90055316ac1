package com.flashsale.coupon.gateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.EventCodec;
import com.flashsale.coupon.gateway.support.ClusterLedger;
import com.flashsale.coupon.gateway.support.GatewayTestProperties;
import com.flashsale.coupon.kit.api.Credentials;
import com.flashsale.coupon.kit.api.Reply;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.load.Simultaneous;
import com.flashsale.coupon.testsupport.RecordingConsumer;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on the local Redis Cluster ({@code make cluster-up}), under the {@code redis-cluster}
 * profile as {@code REDIS_MODE=cluster make run} starts it: replica acknowledgement on, every coupon's
 * keys on the node that serves its slot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.profiles.active=redis-cluster", "coupon.sold-out.refresh=0"})
class ClusterIssueIntegrationTest {

    private static final ClusterLedger ledger = new ClusterLedger();
    private static String topic;
    private final List<String> coupons = new ArrayList<>();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        topic = GatewayTestProperties.registerCluster(registry);
    }

    @AfterEach
    void retireCoupons() {
        coupons.forEach(ledger::retire);
    }


    @Test
    void sellsExactlyTheStockOnTheClusterAndRelaysEveryIssuanceOnce() throws Exception {
        String code = coupon("CLUSTER", 50);
        SaleClient api = SaleClient.ofService(port, Credentials.none());
        try (RecordingConsumer kafka = new RecordingConsumer(topic)) {
            List<Reply> answers = Simultaneous.run(200, member -> api.replyToIssue(code, member + 1));

            Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
            assertThat(statuses).containsOnly(Map.entry(200, 50L), Map.entry(409, 150L));
            List<String> told = new ArrayList<>();
            for (int member = 0; member < answers.size(); member++) {
                if (answers.get(member).status() == 200) {
                    told.add(Long.toString(member + 1));
                }
            }
            assertThat(ledger.stock(code)).isZero();
            assertThat(ledger.issuedMembers(code)).containsExactlyInAnyOrderElementsOf(told);

            // The consumer returns every record received so far.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ofCoupon(kafka.poll(), code)).hasSize(50));
            await().atMost(Duration.ofSeconds(10)).until(() -> ledger.outboxLength(code) == 0);
            assertThat(ofCoupon(kafka.poll(), code)).extracting(event -> Long.toString(event.memberId()))
                    .containsExactlyInAnyOrderElementsOf(told);
        }
    }

    @Test
    void answersServiceUnavailableWhileTheReplicaDoesNotConfirmAndARetryIsSafe() throws Exception {
        String code = coupon("PAUSED", 10);
        SaleClient api = SaleClient.ofService(port, Credentials.none());
        assertThat(api.replyToIssue(code, 1).status()).isEqualTo(200);
        RedisClusterNode replica = ledger.replicaOf(code);
        long pid = ledger.pidOf(replica);

        Reply unconfirmed;
        signal("STOP", pid);
        try {
            // Linked to its primary but silent, as a replica cut off by a partition is.
            unconfirmed = api.replyToIssue(code, 2);
        } finally {
            signal("CONT", pid);
        }

        assertThat(unconfirmed.status()).isEqualTo(503);
        assertThat(unconfirmed.code()).isEqualTo("COMMON-002");
        // The primary decided; only the promise was withheld. The retry finds it and says so.
        assertThat(ledger.issuedMembers(code)).containsExactlyInAnyOrder("1", "2");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.replyToIssue(code, 2).code()).isEqualTo("COUPON-002"));
        assertThat(api.replyToIssue(code, 3).status()).isEqualTo(200);
        assertThat(ledger.stock(code)).isEqualTo(7);
    }

    @Test
    void runsTheScriptsAgainWhenTheNodesHaveForgottenThem() {
        String code = coupon("NOSCRIPT", 10);
        SaleClient api = SaleClient.ofService(port, Credentials.none());
        assertThat(api.replyToIssue(code, 1).status()).isEqualTo(200);

        ledger.flushScripts();

        assertThat(api.replyToIssue(code, 2).status()).isEqualTo(200);
        assertThat(api.replyToIssue(code, 1).code()).isEqualTo("COUPON-002");
        assertThat(ledger.issuedMembers(code)).containsExactlyInAnyOrder("1", "2");
        assertThat(ledger.stock(code)).isEqualTo(8);
    }

    private String coupon(String prefix, int quantity) {
        String code = ClusterLedger.newCouponCode(prefix);
        coupons.add(code);
        ledger.openCampaign(code, 900 + coupons.size(), quantity).members(1, 200, "ACTIVE");
        return code;
    }

    private static List<CouponIssued> ofCoupon(List<ConsumerRecord<String, String>> records, String code) {
        return records.stream().map(record -> EventCodec.couponIssued(record.value()))
                .filter(event -> event.couponCode().equals(code)).toList();
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }
}
