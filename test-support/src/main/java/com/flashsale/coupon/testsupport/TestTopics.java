package com.flashsale.coupon.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Kafka topics of one test JVM, deleted when it exits, on the brokers they were created on (the test
 * servers' broker, or the three local brokers of the cluster drills). Test topics left on a broker pile
 * up run after run, and a broker holding hundreds of their partitions takes longer to restart (the chaos
 * drills restart it).
 */
public final class TestTopics {

    /** The test servers' broker, resolved at exit as before: {@link TestServers#endpoints()}. */
    private static final String TEST_SERVERS = "";
    private static final Map<String, List<String>> CREATED = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestTopics::deleteAll, "test-topics-cleanup"));
    }

    private TestTopics() {
    }

    /** A topic name no other test uses: the prefix and a random suffix. */
    public static String unique(String prefix) {
        return deletedAtExit(prefix + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A name the test chose itself (a dead-letter topic beside a unique one, say), deleted at exit too. */
    public static String deletedAtExit(String topic) {
        return deletedAtExit(TEST_SERVERS, topic);
    }

    /** The same, on other brokers than the test servers' (a bootstrap list). */
    public static String deletedAtExit(String bootstrapServers, String topic) {
        CREATED.computeIfAbsent(bootstrapServers, servers -> new CopyOnWriteArrayList<>()).add(topic);
        return topic;
    }

    // Best effort: a topic left behind costs the broker some recovery time, nothing else.
    private static void deleteAll() {
        CREATED.forEach((servers, topics) -> delete(servers.equals(TEST_SERVERS)
                ? TestServers.endpoints().kafkaBootstrapServers() : servers, topics));
    }

    private static void delete(String bootstrapServers, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            for (Map.Entry<String, KafkaFuture<Void>> deletion : admin.deleteTopics(topics).topicNameValues().entrySet()) {
                try {
                    deletion.getValue().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // Deleted already (a drill deletes its topics when it ends) or never created: nothing left.
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        System.err.println("Could not delete test topic " + deletion.getKey() + " on " + bootstrapServers
                                + ": " + e.getCause());
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("Could not delete the test topics " + topics + " on " + bootstrapServers + ": " + e);
        }
    }
}
