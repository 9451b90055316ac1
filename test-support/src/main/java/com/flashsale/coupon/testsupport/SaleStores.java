package com.flashsale.coupon.testsupport;

import com.flashsale.coupon.events.LedgerKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real MySQL and Redis for one test class of the tools that check a sale: a database of its own with
 * the worker's schema and seed (its Flyway migrations, run as plain SQL, found through the
 * {@code worker.migrations} system property), and FLASH100's ledger in a Redis database the class
 * names. The test writes the sale's state itself, as the services would have left it.
 */
public final class SaleStores implements AutoCloseable {

    public static final LedgerKeys FLASH100 = LedgerKeys.forCoupon("FLASH100");

    private final TestServers.Endpoints servers = TestServers.endpoints();
    private final String database;
    private final int redisDatabase;
    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> redisConnection;
    private final RedisCommands<String, String> redis;

    public SaleStores(String prefix, int redisDatabase) {
        this.database = TestServers.createDatabase(prefix);
        this.redisDatabase = redisDatabase;
        Path migrations = Path.of(System.getProperty("worker.migrations",
                "../coupon-worker-service/src/main/resources/db/migration"));
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList()) {
                execute(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        redisClient = RedisClient.create(RedisURI.builder().withHost(servers.redisHost()).withPort(servers.redisPort())
                .withDatabase(redisDatabase).build());
        redisConnection = redisClient.connect();
        redis = redisConnection.sync();
        redis.flushdb();
    }

    /** Where these stores are, in the variables the services, the scripts and the command line read. */
    public Map<String, String> environment() {
        return servers.variables(database, redisDatabase);
    }

    public RedisCommands<String, String> redis() {
        return redis;
    }

    /** A fresh sale of FLASH100 (coupon id 2, quantity 100): no rows, no ledger. */
    public void empty() {
        redis.flushdb();
        execute("DELETE FROM coupon_issues;\nDELETE FROM failed_coupon_issues");
    }

    /** The ledger after {@code issued} acceptances (members 1..issued), {@code persisted} of them already rows. */
    public void sell(int issued, int persisted) {
        redis.hset(FLASH100.campaign(), Map.of("id", "2", "quantity", "100"));
        redis.set(FLASH100.stock(), Integer.toString(100 - issued));
        for (int member = 1; member <= issued; member++) {
            redis.zadd(FLASH100.issued(), member, Integer.toString(member));
        }
        insertRows(1, persisted);
    }

    public void insertRows(int fromMember, int toMember) {
        StringBuilder sql = new StringBuilder();
        for (int member = fromMember; member <= toMember; member++) {
            sql.append("INSERT INTO coupon_issues (coupon_id, member_id, event_id, accepted_at) VALUES (2, ")
                    .append(member).append(", 'FLASH100:").append(member).append("-0', UTC_TIMESTAMP(3));\n");
        }
        if (!sql.isEmpty()) {
            execute(sql.toString());
        }
    }

    /** Runs a script of statements separated by ';' at line ends (the migrations' layout). */
    public void execute(String script) {
        String url = database == null ? servers.mysqlServerUrl() : servers.jdbcUrl(database);
        try (Connection c = DriverManager.getConnection(url, servers.mysqlUser(), servers.mysqlPassword());
                Statement statement = c.createStatement()) {
            for (String sql : script.split(";\\s*(\\n|$)")) {
                if (!sql.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("--"))) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        redis.flushdb();
        redisConnection.close();
        redisClient.shutdown();
        execute("DROP DATABASE IF EXISTS " + database);
    }
}
