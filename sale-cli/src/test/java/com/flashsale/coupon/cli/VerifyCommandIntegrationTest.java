package com.flashsale.coupon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.testsupport.SaleStores;
import com.flashsale.coupon.testsupport.TestServers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify} against real MySQL and Redis holding what a flash sale left behind, right or wrong. */
class VerifyCommandIntegrationTest {

    @AutoClose
    private static SaleStores stores;

    /** The issued topic of each test alone: what another test or run left in Kafka is none of its business. */
    private final String topic = "cli-verify-" + UUID.randomUUID();

    private static final String GROUP = "cli-verify-worker";

    @TempDir
    Path dir;

    @BeforeAll
    static void createStores() {
        stores = new SaleStores("coupon_cli", 11);
    }

    @BeforeEach
    void emptySale() {
        stores.empty();
    }

    @Test
    void aSoldOutAndPersistedSalePasses() {
        stores.sell(100, 100);

        Run run = verify();

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("settled after", "I1      no oversell", "I5      ledger agreement", "RESULT: PASS");
    }

    @Test
    void aLostIssuanceFailsAndIsNamed() {
        stores.sell(100, 99);

        Run run = verify();

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("RESULT: FAIL", "failed: [I3, I4, I5]");
    }

    @Test
    void aK6RunsAnswersAreCheckedWithTheStores() throws Exception {
        stores.sell(100, 100);
        Path right = k6Answers("FLASH100", 500, Map.of("200", 100, "409 COUPON-003", 400));
        Path wrong = k6Answers("FLASH100", 500, Map.of("200", 100, "409 COUPON-003", 397, "other", 3));

        Run passed = verify("--answers", right.toString());
        Run failed = verify("--answers", wrong.toString());

        assertThat(passed.exit()).as(passed.out()).isZero();
        assertThat(passed.out()).contains("Answers of the k6 run", "ANSWERS honest answers");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out()).contains("UNKNOWN=3", "failed: [ANSWERS]");
    }

    @Test
    void aSaleThatNeverSettlesFails() {
        stores.sell(100, 100);
        stores.redis().xadd(SaleStores.FLASH100.outbox(), Map.of("memberId", "1"));

        Run run = verify("--settle-timeout", "1");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("NOT settled within 1 s", "the system did not settle");
        assertThat(run.out()).contains("1 issuances are still in the Redis outbox", "Is Kafka up", "RESULT: NOT SETTLED")
                .doesNotContain("RESULT: FAIL");
    }

    @Test
    void judgesTheCouponTheAnswersWereGivenFor() throws Exception {
        stores.sell(100, 100);
        Path flash = k6Answers("FLASH100", 500, Map.of("200", 100, "409 COUPON-003", 400));
        Path welcome = k6Answers("WELCOME10", 500, Map.of("200", 100, "409 COUPON-003", 400));

        Run flashPasses = verify("--answers", flash.toString());
        Run welcomeIsJudgedOnWelcome = verify("--answers", welcome.toString());

        assertThat(flashPasses.exit()).as(flashPasses.out()).isZero();
        assertThat(flashPasses.out()).contains("Invariants of FLASH100");
        // WELCOME10 sold nothing in these stores: the 100 answered 200 are nowhere, so the summary fails.
        assertThat(welcomeIsJudgedOnWelcome.exit()).as(welcomeIsJudgedOnWelcome.out()).isEqualTo(1);
        assertThat(welcomeIsJudgedOnWelcome.out()).contains("Invariants of WELCOME10").doesNotContain("RESULT: PASS");
        CommandLines.assertRefused(environment(), "--coupon WELCOME10 contradicts", "verify", "--answers",
                flash.toString(), "--coupon", "WELCOME10");
    }

    @Test
    void moreMembersThanAreActiveIsRefusedWithHowManyAre() throws Exception {
        stores.sell(100, 100);
        Path many = k6Answers("FLASH100", 600,
                Map.of("200", 100, "409 COUPON-003", 400, "403 MEMBER-002", 1, "404 MEMBER-001", 99));

        CommandLines.assertRefused(environment(), "only 500 of members 1..600 are active", "verify",
                "--answers", many.toString());
        CommandLines.assertRefused(environment(), "--members 510: only 500", "verify", "--members", "510");
    }

    @Test
    void anUnknownCouponOrARefusedLoginEndsAtOnce() {
        Run coupon = verify("--coupon", "NOPE", "--settle-timeout", "30");
        Run password = verify("--mysql-password", "wrong", "--settle-timeout", "30");

        assertThat(coupon.exit()).isEqualTo(1);
        assertThat(coupon.out()).contains("coupon NOPE does not exist in MySQL").doesNotContain("Waiting");
        assertThat(password.exit()).isEqualTo(1);
        assertThat(password.out()).contains("MySQL refused the login").doesNotContain("Waiting");
    }

    @Test
    void issuancesTheWorkerHasNotTakenFromKafkaAreNotSettledNotLost() throws Exception {
        stores.sell(100, 97);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka()));
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka(), ProducerConfig.ACKS_CONFIG, "all"),
                        new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
            for (int member = 98; member <= 100; member++) {
                producer.send(new ProducerRecord<>(topic, "FLASH100", "member " + member)).get(10, TimeUnit.SECONDS);
            }

            Run waiting = verify("--settle-timeout", "2");

            assertThat(waiting.exit()).as(waiting.out()).isEqualTo(1);
            assertThat(waiting.out()).contains("NOT settled within 2 s: 3 issuances are in Kafka (topic " + topic + ", consumer group ",
                    "Is the worker running", "RESULT: NOT SETTLED", "n/a", "not settled, 3 issuances")
                    .doesNotContain("lost").doesNotContain("RESULT: FAIL");

            // The worker takes them: its group commits past them, and they become rows.
            admin.alterConsumerGroupOffsets(GROUP, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(3)))
                    .all().get(10, TimeUnit.SECONDS);
            stores.insertRows(98, 100);

            Run settled = verify("--settle-timeout", "5");

            assertThat(settled.exit()).as(settled.out()).isZero();
            assertThat(settled.out()).contains("settled after", "RESULT: PASS");
        }
    }

    private static String kafka() {
        return TestServers.endpoints().kafkaBootstrapServers();
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(stores.environment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka());
        return env;
    }

    /** The summary a k6 run of {@code members} members writes, with these counts of answers, as a file of this test. */
    private Path k6Answers(String couponCode, int members, Map<String, Integer> outcomes) throws IOException {
        String counts = outcomes.entrySet().stream()
                .map(outcome -> "\"%s\":%d".formatted(outcome.getKey(), outcome.getValue()))
                .collect(Collectors.joining(","));
        return Files.writeString(Files.createTempFile(dir, "k6-", ".json"), """
                {"runner":"k6","couponCode":"%s","members":%d,"outcomes":{%s},"latencyMs":{"p50":1,"p99":2,"max":3}}"""
                .formatted(couponCode, members, counts));
    }

    private Run verify(String... more) {
        StringWriter out = new StringWriter();
        picocli.CommandLine commandLine = SaleCli.commandLine(environment());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(out));
        String[] args = new String[more.length + 7];
        args[0] = "verify";
        args[1] = "--quiet-period";
        args[2] = "0.2";
        args[3] = "--issued-topic";
        args[4] = topic;
        args[5] = "--worker-group";
        args[6] = GROUP;
        System.arraycopy(more, 0, args, 7, more.length);
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString());
    }

    private record Run(int exit, String out) {
    }
}
