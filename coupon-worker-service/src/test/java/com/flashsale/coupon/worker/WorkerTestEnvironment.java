package com.flashsale.coupon.worker;

import com.flashsale.coupon.kit.token.TokenIssuer;
import com.flashsale.coupon.testsupport.TestServers;
import com.flashsale.coupon.testsupport.TestTopics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points one integration test class at the real servers, isolated from every other class: its own
 * empty database, its own topics and consumer group, and Redis database 15 (flushed before each test).
 * The databases and topics are dropped when the test JVM exits. The operator endpoints are open
 * (as under the {@code local} profile) for tests of what they do, or ask for tokens
 * ({@link #registerWithTokens}) for tests of who may call them.
 */
public final class WorkerTestEnvironment {

    public static final int REDIS_DATABASE = 15;

    private static final List<String> DATABASES = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(WorkerTestEnvironment::dropWhatTheTestsCreated));
    }

    private WorkerTestEnvironment() {
    }

    /** Registers the properties, operator endpoints open, and returns the names chosen for this class. */
    public static Isolation register(DynamicPropertyRegistry registry) {
        return register(registry, "");
    }

    /** As {@link #register(DynamicPropertyRegistry)}, with {@code &name=value} pairs appended to the JDBC URL. */
    public static Isolation register(DynamicPropertyRegistry registry, String extraJdbcParameters) {
        Isolation isolation = servers(registry, extraJdbcParameters);
        registry.add("coupon.auth.mode", () -> "local");
        return isolation;
    }

    /** Registers the properties, every operator endpoint asking for a token of {@code tokens}' issuer. */
    public static Isolation registerWithTokens(DynamicPropertyRegistry registry, TokenIssuer tokens) {
        Isolation isolation = servers(registry, "");
        tokens.serviceProperties().forEach((name, value) -> registry.add(name, () -> value));
        return isolation;
    }

    private static Isolation servers(DynamicPropertyRegistry registry, String extraJdbcParameters) {
        TestServers.Endpoints servers = TestServers.endpoints();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Isolation isolation = new Isolation(createDatabase(), TestTopics.deletedAtExit("coupon-issued-it-" + suffix),
                TestTopics.deletedAtExit("coupon-issued-it-" + suffix + ".DLQ"), "coupon-worker-it-" + suffix);
        registry.add("spring.datasource.url", () -> servers.jdbcUrl(isolation.database()) + extraJdbcParameters);
        registry.add("spring.datasource.username", servers::mysqlUser);
        registry.add("spring.datasource.password", servers::mysqlPassword);
        registry.add("spring.data.redis.host", servers::redisHost);
        registry.add("spring.data.redis.port", servers::redisPort);
        registry.add("spring.data.redis.database", () -> REDIS_DATABASE);
        registry.add("spring.kafka.bootstrap-servers", servers::kafkaBootstrapServers);
        registry.add("coupon.kafka.issued-topic", isolation::issuedTopic);
        registry.add("coupon.kafka.dead-letter-topic", isolation::deadLetterTopic);
        registry.add("coupon.kafka.group-id", isolation::groupId);
        registry.add("coupon.kafka.partitions", () -> 3);
        // Tests provision explicitly; a periodic pass in the middle of one would race its Redis set-up.
        registry.add("coupon.provisioning.interval", () -> "1h");
        // Keeps retry tests short; the production values live in application.yml.
        registry.add("coupon.persistence.retry.initial-interval", () -> "100ms");
        registry.add("coupon.persistence.retry.max-interval", () -> "500ms");
        return isolation;
    }

    /** A new, empty database, dropped when the test JVM exits. */
    public static String createDatabase() {
        String database = TestServers.createDatabase("worker_it");
        DATABASES.add(database);
        return database;
    }

    public static void flushRedis(StringRedisTemplate redis) {
        redis.execute((RedisCallback<Object>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        }, true);
    }

    // Best effort: a leftover database wastes space on the local server but breaks nothing.
    private static void dropWhatTheTestsCreated() {
        TestServers.Endpoints servers = TestServers.endpoints();
        try (Connection connection = DriverManager.getConnection(servers.mysqlServerUrl(), servers.mysqlUser(),
                servers.mysqlPassword()); Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                statement.execute("DROP DATABASE IF EXISTS " + database);
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases " + DATABASES + ": " + e);
        }
    }

    public record Isolation(String database, String issuedTopic, String deadLetterTopic, String groupId) {
    }
}
