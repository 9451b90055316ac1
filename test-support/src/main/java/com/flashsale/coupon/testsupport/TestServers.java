package com.flashsale.coupon.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mysql.MySQLContainer;

/**
 * The real servers tests talk to. With a Docker engine, containers are started once per JVM;
 * without one (the usual case on build machines here), the local servers started by
 * {@code scripts/infra/start.sh} are used, found through the same environment variables the
 * scripts read. A server that cannot be reached fails the test with what to do: it never skips.
 */
public final class TestServers {

    private static final boolean DOCKER = !"false".equals(System.getenv("TESTCONTAINERS_ENABLED"))
            && DockerClientFactory.instance().isDockerAvailable();

    private static Endpoints endpoints;

    private TestServers() {
    }

    public static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            endpoints = DOCKER ? startContainers() : localServers();
        }
        return endpoints;
    }

    /** A new, empty database on the MySQL server, so each test class starts from its own schema. */
    public static String createDatabase(String prefix) {
        Endpoints e = endpoints();
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(e.mysqlServerUrl(), e.mysqlUser(), e.mysqlPassword());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        } catch (SQLException ex) {
            throw new IllegalStateException("Cannot create test database on " + e.mysqlServerUrl() + ": " + ex.getMessage(), ex);
        }
        return name;
    }

    private static Endpoints localServers() {
        String redisHost = env("REDIS_HOST", "127.0.0.1");
        int redisPort = Integer.parseInt(env("REDIS_PORT", "6379"));
        String kafkaHost = "127.0.0.1";
        int kafkaPort = Integer.parseInt(env("KAFKA_PORT", "9092"));
        String mysqlHost = env("MYSQL_HOST", "127.0.0.1");
        int mysqlPort = Integer.parseInt(env("MYSQL_PORT", "3306"));
        requireReachable("Redis", redisHost, redisPort);
        requireReachable("Kafka", kafkaHost, kafkaPort);
        requireReachable("MySQL/MariaDB", mysqlHost, mysqlPort);
        return new Endpoints(redisHost, redisPort, kafkaHost + ":" + kafkaPort,
                "jdbc:mysql://" + mysqlHost + ":" + mysqlPort + "/", env("MYSQL_USER", "coupon"),
                env("MYSQL_PASSWORD", "coupon"));
    }

    @SuppressWarnings("resource") // containers live as long as the test JVM
    private static Endpoints startContainers() {
        GenericContainer<?> redis = new GenericContainer<>("redis:7.4.6").withExposedPorts(6379)
                .withCommand("redis-server", "--appendonly", "yes");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.0")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        MySQLContainer mysql = new MySQLContainer("mysql:8.0.44").withUsername("coupon").withPassword("coupon");
        redis.start();
        kafka.start();
        mysql.start();
        return new Endpoints(redis.getHost(), redis.getMappedPort(6379), kafka.getBootstrapServers(),
                "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/", "root", "coupon");
    }

    private static void requireReachable(String what, String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
        } catch (IOException e) {
            throw new IllegalStateException(what + " is not reachable at " + host + ":" + port
                    + ". Start the local servers with 'make infra-up' (or run 'make test', which does).", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Where the servers are. {@code mysqlServerUrl} has no database: append one. */
    public record Endpoints(String redisHost, int redisPort, String kafkaBootstrapServers, String mysqlServerUrl,
            String mysqlUser, String mysqlPassword) {

        public String jdbcUrl(String database) {
            return mysqlServerUrl + database + "?rewriteBatchedStatements=true&allowPublicKeyRetrieval=true&useSSL=false";
        }

        /**
         * These servers with this database and Redis database, in the variables the services, the scripts
         * and the command line read (MYSQL_HOST, MYSQL_PORT, MYSQL_DATABASE, ..., REDIS_DATABASE).
         */
        public Map<String, String> variables(String database, int redisDatabase) {
            URI mysql = URI.create(mysqlServerUrl.substring("jdbc:".length()));
            return Map.of("MYSQL_HOST", mysql.getHost(), "MYSQL_PORT", Integer.toString(mysql.getPort()),
                    "MYSQL_DATABASE", database, "MYSQL_USER", mysqlUser, "MYSQL_PASSWORD", mysqlPassword,
                    "REDIS_HOST", redisHost, "REDIS_PORT", Integer.toString(redisPort),
                    "REDIS_DATABASE", Integer.toString(redisDatabase));
        }
    }
}
