package com.flashsale.coupon.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.testsupport.ApiClient;
import com.flashsale.coupon.testsupport.TestServers;
import com.flashsale.coupon.testsupport.TestTopics;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The stores one system test class runs against: its own MySQL database, its own topics (deleted
 * when the test JVM exits), a
 * Redis database reserved for system tests. Services are started against it as processes.
 * Public for the chaos drills in a sub-package.
 *
 * <p>On the local Redis Cluster ({@link Topology#redisCluster}) the services run under their
 * {@code redis-cluster} profile and the environment has the whole cluster (a cluster has one
 * database): never point it at a cluster others use. On the three local brokers
 * ({@link Topology#kafkaCluster}) the topics are created with three replicas.
 */
public final class SaleEnvironment implements AutoCloseable {

    public static final int REDIS_DATABASE = 13;

    /** Which servers the environment runs on: the standalone ones, or the local clusters. */
    public record Topology(boolean redisCluster, boolean kafkaCluster) {

        public static final Topology STANDALONE = new Topology(false, false);
    }

    final TestServers.Endpoints servers = TestServers.endpoints();
    final Topology topology;
    final String kafkaBootstrapServers;
    final String database = TestServers.createDatabase("coupon_system");
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String issuedTopic;
    final String deadLetterTopic;
    private final AbstractRedisClient redisClient;
    private final StatefulConnection<String, String> redisConnection;
    final RedisClusterCommands<String, String> redis;

    public SaleEnvironment() {
        this(Topology.STANDALONE);
    }

    public SaleEnvironment(Topology topology) {
        this.topology = topology;
        if (topology.kafkaCluster()) {
            kafkaBootstrapServers = TestServers.kafkaClusterBootstrapServers();
            issuedTopic = TestTopics.unique("coupon-issued-sys-" + suffix);
        } else {
            kafkaBootstrapServers = servers.kafkaBootstrapServers();
            issuedTopic = TestTopics.deletedAtExit("coupon-issued-sys-" + suffix);
        }
        deadLetterTopic = topology.kafkaCluster() ? issuedTopic + ".DLQ" : TestTopics.deletedAtExit(issuedTopic + ".DLQ");
        if (topology.redisCluster()) {
            RedisClusterClient cluster = RedisClusterClient.create(TestServers.redisClusterNodes().stream()
                    .map(node -> RedisURI.create("redis://" + node)).toList());
            // Follows a failover as the services do: a drill reads the ledger while a primary dies.
            cluster.setOptions(ClusterClientOptions.builder().topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                    .enableAllAdaptiveRefreshTriggers().enablePeriodicRefresh(Duration.ofSeconds(1)).build()).build());
            StatefulRedisClusterConnection<String, String> connection = cluster.connect();
            redisClient = cluster;
            redisConnection = connection;
            redis = connection.sync();
        } else {
            RedisClient single = RedisClient.create(RedisURI.builder().withHost(servers.redisHost())
                    .withPort(servers.redisPort()).withDatabase(REDIS_DATABASE).build());
            StatefulRedisConnection<String, String> connection = single.connect();
            redisClient = single;
            redisConnection = connection;
            redis = connection.sync();
        }
        redis.flushdb();
    }

    /** The services' Redis and Kafka settings for this topology. */
    private void putServers(Map<String, String> properties) {
        if (topology.redisCluster()) {
            properties.put("spring.profiles.active", "local,redis-cluster");
            properties.put("spring.data.redis.cluster.nodes", String.join(",", TestServers.redisClusterNodes()));
        } else {
            properties.put("spring.profiles.active", "local");
            properties.put("spring.data.redis.host", servers.redisHost());
            properties.put("spring.data.redis.port", Integer.toString(servers.redisPort()));
            properties.put("spring.data.redis.database", Integer.toString(REDIS_DATABASE));
        }
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
    }

    public ServiceProcess worker() {
        Map<String, String> properties = new LinkedHashMap<>();
        putServers(properties);
        properties.put("spring.datasource.url", servers.jdbcUrl(database));
        properties.put("spring.datasource.username", servers.mysqlUser());
        properties.put("spring.datasource.password", servers.mysqlPassword());
        if (topology.kafkaCluster()) {
            properties.put("coupon.kafka.replicas", "3");
        }
        properties.put("coupon.kafka.group-id", "coupon-worker-" + suffix);
        properties.put("coupon.kafka.issued-topic", issuedTopic);
        properties.put("coupon.kafka.dead-letter-topic", deadLetterTopic);
        return new ServiceProcess("worker-" + suffix, "worker.jar", ServiceProcess.freePort(), properties);
    }

    public ServiceProcess gateway(String name, boolean relayEnabled) {
        Map<String, String> properties = new LinkedHashMap<>();
        putServers(properties);
        if (topology.kafkaCluster()) {
            properties.put("coupon.relay.replication-factor", "3");
        }
        properties.put("coupon.relay.topic", issuedTopic);
        properties.put("coupon.relay.enabled", Boolean.toString(relayEnabled));
        return new ServiceProcess(name + "-" + suffix, "gateway.jar", ServiceProcess.freePort(), properties);
    }

    /** The worker's reset: MySQL rows and the Redis ledger back to the seed, in one call. */
    public void reset(ServiceProcess worker) {
        ApiClient.Answer answer = new ApiClient(worker.port()).post("/api/test/reset", "");
        assertThat(answer.status()).as("reset answer %s", answer.body()).isEqualTo(200);
    }

    public long count(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(servers.jdbcUrl(database), servers.mysqlUser(), servers.mysqlPassword());
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public long issuedRows(long couponId) {
        return count("SELECT COUNT(*) FROM coupon_issues WHERE coupon_id = ?", couponId);
    }

    public long distinctMembers(long couponId) {
        return count("SELECT COUNT(DISTINCT member_id) FROM coupon_issues WHERE coupon_id = ?", couponId);
    }

    public long failedRows() {
        return count("SELECT COUNT(*) FROM failed_coupon_issues");
    }

    public long stock(String couponCode) {
        return Long.parseLong(redis.get(LedgerKeys.forCoupon(couponCode).stock()));
    }

    public long outboxBacklog(String couponCode) {
        return redis.xlen(LedgerKeys.forCoupon(couponCode).outbox());
    }

    public TestServers.Endpoints servers() {
        return servers;
    }

    public Topology topology() {
        return topology;
    }

    /** The brokers the services use: the standalone one, or the three of the local cluster. */
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public RedisClusterCommands<String, String> redis() {
        return redis;
    }

    /** A new connection to this environment's database; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(servers.jdbcUrl(database), servers.mysqlUser(), servers.mysqlPassword());
    }

    public String database() {
        return database;
    }

    public String suffix() {
        return suffix;
    }

    public String issuedTopic() {
        return issuedTopic;
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    @Override
    public void close() {
        redisConnection.close();
        redisClient.shutdown();
    }
}
