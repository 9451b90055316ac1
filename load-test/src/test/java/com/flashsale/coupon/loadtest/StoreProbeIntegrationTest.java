package com.flashsale.coupon.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.testsupport.TestServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store check against real MySQL and Redis: a database of its own with the worker's schema and
 * seed, and FLASH100's ledger keys in a Redis database no other test class uses.
 */
class StoreProbeIntegrationTest {

    private static final int REDIS_DATABASE = 12;
    private static final LedgerKeys FLASH100 = LedgerKeys.forCoupon("FLASH100");

    private static TestServers.Endpoints servers;
    private static String database;
    private static RedisClient redisClient;
    private static StatefulRedisConnection<String, String> redisConnection;
    private static RedisCommands<String, String> redis;

    @BeforeAll
    static void createStores() throws Exception {
        servers = TestServers.endpoints();
        database = TestServers.createDatabase("coupon_loadtest");
        Path migrations = Path.of(System.getProperty("worker.migrations",
                "../coupon-worker-service/src/main/resources/db/migration"));
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList()) {
                execute(Files.readString(file));
            }
        }
        redisClient = RedisClient.create(RedisURI.builder().withHost(servers.redisHost()).withPort(servers.redisPort())
                .withDatabase(REDIS_DATABASE).build());
        redisConnection = redisClient.connect();
        redis = redisConnection.sync();
    }

    @AfterAll
    static void dropStores() throws SQLException {
        if (redis != null) {
            redis.del(FLASH100.all().toArray(String[]::new));
            redisConnection.close();
            redisClient.shutdown();
        }
        if (database != null) {
            execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    @BeforeEach
    void emptySale() throws SQLException {
        redis.del(FLASH100.all().toArray(String[]::new));
        execute("DELETE FROM coupon_issues;\nDELETE FROM failed_coupon_issues");
    }

    @Test
    void aSoldOutAndPersistedSalePassesEveryCheck() throws Exception {
        sell(100, 100);

        try (StoreProbe probe = new StoreProbe(settings())) {
            StoreSnapshot snapshot = probe.read("FLASH100");
            assertThat(snapshot).isEqualTo(new StoreSnapshot(2, 100, 0, 100, 0, 100, 100, 0));
            Settling.Settled settled = Settling.await(() -> probe.read("FLASH100"), Duration.ofSeconds(5));
            assertThat(StoreChecks.of(settled, "FLASH100", 500)).allMatch(Check::ok);
            assertThat(probe.persistedMembers(2)).hasSize(100).contains(1L, 100L);
        }
    }

    @Test
    void waitsForRowsStillInFlightAndSeesThemLand() throws Exception {
        sell(100, 97);
        redis.xadd(FLASH100.outbox(), Map.of("memberId", "98"));

        try (StoreProbe probe = new StoreProbe(settings())) {
            CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> {
                sleepQuietly(Duration.ofMillis(700));
                insertRows(98, 100);
                redis.del(FLASH100.outbox());
            });
            Settling.Settled settled = Settling.await(() -> probe.read("FLASH100"), Duration.ofSeconds(20));
            worker.join();

            assertThat(settled.settled()).isTrue();
            assertThat(settled.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(500));
            assertThat(StoreChecks.of(settled, "FLASH100", 500)).allMatch(Check::ok);
        }
    }

    @Test
    void aLostIssuanceAndAFailedRowAreReported() throws Exception {
        sell(100, 99);
        execute("INSERT INTO failed_coupon_issues (coupon_id, member_id, event_id, reason) VALUES (2, 100, 'FLASH100:1-0', 'test')");

        try (StoreProbe probe = new StoreProbe(settings())) {
            Settling.Settled settled = Settling.await(() -> probe.read("FLASH100"), Duration.ofSeconds(1));

            List<Check> failed = StoreChecks.of(settled, "FLASH100", 500).stream().filter(c -> !c.ok()).toList();
            assertThat(failed).extracting(Check::what).containsExactly(
                    "settled (outbox drained, every accepted member a row)", "MySQL coupon_issues rows (coupon id 2)",
                    "MySQL distinct members in coupon_issues", "MySQL failed_coupon_issues rows");
        }
    }

    /** The ledger after {@code issued} acceptances, and {@code persisted} of them already rows in MySQL. */
    private static void sell(int issued, int persisted) {
        redis.hset(FLASH100.campaign(), Map.of("id", "2", "quantity", "100"));
        redis.set(FLASH100.stock(), Integer.toString(100 - issued));
        for (int member = 1; member <= issued; member++) {
            redis.zadd(FLASH100.issued(), member, Integer.toString(member));
        }
        insertRows(1, persisted);
    }

    private static void insertRows(int fromMember, int toMember) {
        StringBuilder sql = new StringBuilder();
        for (int member = fromMember; member <= toMember; member++) {
            sql.append("INSERT INTO coupon_issues (coupon_id, member_id, event_id, accepted_at) VALUES (2, ")
                    .append(member).append(", 'FLASH100:").append(member).append("-0', NOW(3));\n");
        }
        try {
            execute(sql.toString());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoreSettings settings() {
        URI mysql = URI.create(servers.mysqlServerUrl().substring("jdbc:".length()));
        return StoreSettings.from(Map.of("MYSQL_HOST", mysql.getHost(), "MYSQL_PORT", Integer.toString(mysql.getPort()),
                "MYSQL_DATABASE", database, "MYSQL_USER", servers.mysqlUser(), "MYSQL_PASSWORD", servers.mysqlPassword(),
                "REDIS_HOST", servers.redisHost(), "REDIS_PORT", Integer.toString(servers.redisPort()),
                "REDIS_DATABASE", Integer.toString(REDIS_DATABASE)));
    }

    /** Runs a script of statements separated by ';' at line ends (the migrations' layout). */
    private static void execute(String script) throws SQLException {
        String url = database == null ? servers.mysqlServerUrl() : servers.jdbcUrl(database);
        try (Connection c = DriverManager.getConnection(url, servers.mysqlUser(), servers.mysqlPassword());
                Statement statement = c.createStatement()) {
            for (String sql : script.split(";\\s*(\\n|$)")) {
                if (!sql.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("--"))) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
