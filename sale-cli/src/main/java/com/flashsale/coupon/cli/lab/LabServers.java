package com.flashsale.coupon.cli.lab;

import com.flashsale.coupon.kit.store.StoreSettings;
import io.lettuce.core.RedisURI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The lab's own corner of the local servers, so it never touches the running system or the tests:
 * a database of its own ({@value #DATABASE}), Redis database {@value #REDIS_DATABASE} (the system
 * uses 0, tests 13-15), and a topic of its own ({@value #TOPIC}).
 */
public record LabServers(String mysqlServerUrl, String mysqlUser, String mysqlPassword, String database,
        String redisHost, int redisPort, int redisDatabase, String kafkaBootstrap, String topic) {

    static final String DATABASE = "coupon_lab";
    static final int REDIS_DATABASE = 12;
    static final String TOPIC = "lab-coupon-issued";
    /** As long as a send may wait for metadata (the producer's max.block.ms). */
    private static final Duration LEADER_WAIT = Duration.ofSeconds(60);

    /** The lab's corner of the servers the system's stores are on. */
    public static LabServers on(StoreSettings stores, String kafkaBootstrap) {
        return new LabServers("jdbc:mysql://" + stores.mysqlHost() + ":" + stores.mysqlPort() + "/", stores.mysqlUser(),
                stores.mysqlPassword(), DATABASE, stores.redisHost(), stores.redisPort(), REDIS_DATABASE, kafkaBootstrap,
                TOPIC);
    }

    /** Creates the lab database and its two tables (the seed's shape: a versioned coupon row, unique issues). */
    public void createSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(mysqlServerUrl, mysqlUser, mysqlPassword);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + database + " CHARACTER SET utf8mb4");
        }
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS lab_coupons (id BIGINT NOT NULL PRIMARY KEY, stock INT NOT NULL,"
                    + " version BIGINT NOT NULL DEFAULT 0) ENGINE = InnoDB");
            s.execute("CREATE TABLE IF NOT EXISTS lab_coupon_issues (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " coupon_id BIGINT NOT NULL, member_id BIGINT NOT NULL,"
                    + " UNIQUE KEY uk_lab_issue (coupon_id, member_id)) ENGINE = InnoDB");
        }
    }

    public Connection jdbc() throws SQLException {
        return DriverManager.getConnection(mysqlServerUrl + database
                + "?rewriteBatchedStatements=true&allowPublicKeyRetrieval=true&useSSL=false", mysqlUser, mysqlPassword);
    }

    public RedisURI redisUri() {
        return RedisURI.builder().withHost(redisHost).withPort(redisPort).withDatabase(redisDatabase).build();
    }

    /**
     * The seed published one event per issuance, at once, with acks=all. Kafka's own timeouts (30 s a
     * request, 120 s to deliver): a refused event gives its coupon back after the member was told yes,
     * so a shorter delivery timeout turns a broker that is merely slow (starved of CPU on a busy
     * machine) into refused events, and the lab would measure the machine instead of the baseline.
     */
    public KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000),
                new StringSerializer(), new StringSerializer());
    }

    /** Creates the lab's topic if it is missing, and returns once every partition has a leader to take events. */
    public void createTopic() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            if (!existing.contains(topic)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitLeaders(admin);
        }
    }

    /**
     * A topic just created may not have its leaders yet; the first sends would then wait on them inside
     * the timed load.
     */
    private void awaitLeaders(Admin admin) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + LEADER_WAIT.toNanos();
        while (!hasEveryLeader(admin)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topic " + topic + " on " + kafkaBootstrap + " has a partition without a"
                        + " leader after " + LEADER_WAIT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private boolean hasEveryLeader(Admin admin) throws InterruptedException, ExecutionException {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }
}
