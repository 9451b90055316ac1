package com.flashsale.coupon.system;

import com.flashsale.coupon.kit.api.Credentials;
import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.api.Services;
import com.flashsale.coupon.kit.api.Timeouts;
import com.flashsale.coupon.kit.store.StoreProbe;
import com.flashsale.coupon.kit.store.StoreSettings;
import com.flashsale.coupon.kit.token.TokenCredentials;
import com.flashsale.coupon.kit.token.TokenIssuer;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stores one system test class runs against: its own MySQL database, its own topics (deleted
 * when the test JVM exits), a Redis database reserved for system tests. Services are started against
 * it as processes; the tests talk to them through the sale kit's client and read the stores through
 * its probe, never their own. Public for the chaos drills in a sub-package.
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
        /** The local Redis Cluster, the standalone broker. */
        public static final Topology REDIS_CLUSTER = new Topology(true, false);
        /** The standalone Redis, the three local brokers. */
        public static final Topology KAFKA_CLUSTER = new Topology(false, true);
    }

    /**
     * For the tests that judge what is decided, not how fast: a Redis starved of CPU on a busy machine
     * must not turn their answers into 503s (the gateway's own 1 s deadline is what the drills put to the test).
     */
    public static final String GENEROUS_REDIS_DEADLINE = "15s";

    /**
     * A development key pair of this test JVM, written as scripts/dev-keys.sh writes one: the services
     * trust it, the command line ({@code AUTH_KEY_DIR}) and the kit sign with it.
     */
    static final Path KEYS = keyDirectory();
    static final TokenIssuer ISSUER = TokenIssuer.createDevelopmentPair(KEYS);

    /**
     * Who the tests' requests speak for: each member with its own token, operators with scope
     * {@code coupon:admin}. The services run the {@code local} profile (its ports and limits) with tokens
     * asked for, as {@code AUTH=jwt make run} starts them.
     */
    static final Credentials CREDENTIALS = new TokenCredentials(ISSUER);

    final TestServers.Endpoints servers = TestServers.endpoints();
    final Topology topology;
    final String kafkaBootstrapServers;
    final String database = TestServers.createDatabase("coupon_system");
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String issuedTopic;
    final String deadLetterTopic;
    private final AbstractRedisClient redisClient;
    private final StatefulConnection<String, String> redisConnection;
    private final RedisClusterCommands<String, String> redis;
    private StoreProbe probe;

    public SaleEnvironment() {
        this(Topology.STANDALONE);
    }

    public SaleEnvironment(Topology topology) {
        this.topology = topology;
        kafkaBootstrapServers = topology.kafkaCluster() ? TestServers.kafkaClusterBootstrapServers()
                : servers.kafkaBootstrapServers();
        // On the brokers the services create them on, whichever mode: deleted there when the JVM exits.
        issuedTopic = TestTopics.deletedAtExit(kafkaBootstrapServers, "coupon-issued-sys-" + suffix);
        deadLetterTopic = TestTopics.deletedAtExit(kafkaBootstrapServers, issuedTopic + ".DLQ");
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
        properties.putAll(ISSUER.serviceProperties());
        properties.put("spring.datasource.url", servers.jdbcUrl(database));
        properties.put("spring.datasource.username", servers.mysqlUser());
        properties.put("spring.datasource.password", servers.mysqlPassword());
        if (topology.kafkaCluster()) {
            properties.put("coupon.kafka.replicas", "3");
        }
        properties.put("coupon.kafka.group-id", workerGroup());
        properties.put("coupon.kafka.issued-topic", issuedTopic);
        properties.put("coupon.kafka.dead-letter-topic", deadLetterTopic);
        return new ServiceProcess("worker-" + suffix, "worker.jar", ServiceProcess.freePort(), properties);
    }

    public ServiceProcess gateway(String name, boolean relayEnabled) {
        Map<String, String> properties = new LinkedHashMap<>();
        putServers(properties);
        properties.putAll(ISSUER.serviceProperties());
        if (topology.kafkaCluster()) {
            properties.put("coupon.relay.replication-factor", "3");
        }
        properties.put("coupon.relay.topic", issuedTopic);
        properties.put("coupon.relay.enabled", Boolean.toString(relayEnabled));
        return new ServiceProcess(name + "-" + suffix, "gateway.jar", ServiceProcess.freePort(), properties);
    }

    /** The kit's client of these processes (started or not yet), with the tests' credentials. */
    public SaleClient client(ServiceProcess worker, ServiceProcess gateway) {
        return client(List.of(gateway), worker, Timeouts.DEFAULT);
    }

    /** The same, over several gateway replicas (index = position in the list), with these timeouts. */
    public SaleClient client(List<ServiceProcess> gateways, ServiceProcess worker, Timeouts timeouts) {
        List<LocalTarget> targets = gateways.stream().map(gateway -> LocalTarget.port(gateway.port())).toList();
        return new SaleClient(new Services(targets, LocalTarget.port(worker.port())), CREDENTIALS, timeouts);
    }

    /** The kit's probe of this environment's database and Redis database; closed with the environment. */
    public synchronized StoreProbe probe() {
        if (probe == null) {
            probe = new StoreProbe(StoreSettings.fromEnvironment(variables()));
        }
        return probe;
    }

    /** Where these stores are, in the variables the services, the scripts and the command line read. */
    public Map<String, String> variables() {
        Map<String, String> variables = new HashMap<>(servers.variables(database, REDIS_DATABASE));
        if (topology.redisCluster()) {
            variables.put("REDIS_MODE", "cluster");
            variables.put("REDIS_CLUSTER_NODES", String.join(",", TestServers.redisClusterNodes()));
        }
        variables.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        // The topic and consumer group of this environment's worker: the command line waits for that group.
        variables.put("COUPON_KAFKA_ISSUEDTOPIC", issuedTopic);
        variables.put("COUPON_KAFKA_GROUPID", workerGroup());
        return variables;
    }

    /**
     * The same, where these services answer (GATEWAY_PORT, WORKER_PORT) and the key tokens are signed with
     * (AUTH_KEY_DIR): an operator's shell after 'AUTH=jwt make run'.
     */
    public Map<String, String> variables(ServiceProcess gateway, ServiceProcess worker) {
        Map<String, String> variables = new HashMap<>(variables());
        variables.put("GATEWAY_PORT", Integer.toString(gateway.port()));
        variables.put("WORKER_PORT", Integer.toString(worker.port()));
        variables.put("AUTH_KEY_DIR", KEYS.toString());
        return variables;
    }

    private static Path keyDirectory() {
        try {
            // Under target/, which the next clean removes with the private key in it.
            Path target = Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(target, "development-keys-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestServers.Endpoints servers() {
        return servers;
    }

    /** The brokers the services use: the standalone one, or the three of the local cluster. */
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** For what a drill writes into the ledger itself (its damage, its members); reads go through {@link #probe()}. */
    public RedisClusterCommands<String, String> redis() {
        return redis;
    }

    /**
     * A new connection to this environment's database, for what a test writes or holds itself (members,
     * damage, a table lock); reads of the sale go through {@link #probe()}. The caller closes it.
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(servers.jdbcUrl(database), servers.mysqlUser(), servers.mysqlPassword());
    }

    public String database() {
        return database;
    }

    private String workerGroup() {
        return "coupon-worker-" + suffix;
    }

    public String suffix() {
        return suffix;
    }

    public String issuedTopic() {
        return issuedTopic;
    }

    /** Every topic of this environment: the issued one and its dead letters. */
    public List<String> topics() {
        return List.of(issuedTopic, deadLetterTopic);
    }

    @Override
    public synchronized void close() {
        if (probe != null) {
            probe.close();
        }
        redisConnection.close();
        redisClient.shutdown();
    }
}
