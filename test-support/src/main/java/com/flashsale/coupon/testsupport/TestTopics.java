package com.flashsale.coupon.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Kafka topics of one test JVM, deleted when it exits. Test topics left on the local broker pile up
 * run after run, and a broker holding hundreds of their partitions takes longer to restart (the chaos
 * drills restart it).
 */
public final class TestTopics {

    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

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
        CREATED.add(topic);
        return topic;
    }

    // Best effort: a topic left behind costs the broker some recovery time, nothing else.
    private static void deleteAll() {
        if (CREATED.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestServers.endpoints().kafkaBootstrapServers(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            admin.deleteTopics(CREATED).all().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("Could not delete every test topic of " + CREATED + ": " + e);
        }
    }
}
