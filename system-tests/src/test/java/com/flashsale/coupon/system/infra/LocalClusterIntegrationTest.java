package com.flashsale.coupon.system.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.testsupport.TestTopics;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The local Redis Cluster and the three Kafka brokers of {@code scripts/infra} ({@code start.sh redis-cluster
 * kafka-cluster}): started, crashed one node at a time with {@code kill.sh}, restarted with {@code start.sh},
 * looked into with {@code cluster.sh}, and checked with clients of their own, so a script that breaks fails
 * here. They run beside the standalone servers on their own ports (REDIS_CLUSTER_PORTS, KAFKA_CLUSTER_PORTS);
 * whatever this class started it stops again.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class LocalClusterIntegrationTest {

    private static final Pattern PRIMARY_LINE = Pattern.compile("slot=(\\d+) primary=127\\.0\\.0\\.1:(\\d+) replicas=127\\.0\\.0\\.1:(\\d+)");
    private static final Duration FAILOVER_DEADLINE = Duration.ofSeconds(30);

    private static final InfraScripts scripts = new InfraScripts();
    /** One event loop for every client of this class: a client of its own per command is cheap then. */
    private static final ClientResources RESOURCES = DefaultClientResources.create();
    private static final List<String> CLUSTERS = List.of("redis-cluster", "kafka-cluster");
    private static final List<String> startedHere = new ArrayList<>();
    private static List<Integer> redisPorts;
    private static String kafkaBootstrap;

    @BeforeAll
    static void startTheClusters() {
        for (String cluster : CLUSTERS) {
            if (scripts.exec(Map.of(), "status.sh", cluster).exitCode() != 0) {
                startedHere.add(cluster);
            }
        }
        scripts.run("start.sh", CLUSTERS.toArray(String[]::new));
        // The addresses the services would be given in cluster mode, from the script that gives them.
        Map<String, String> clusterModes = new HashMap<>();
        clusterModes.put("REDIS_MODE", "cluster");
        clusterModes.put("KAFKA_MODE", "cluster");
        clusterModes.put("REDIS_CLUSTER_NODES", null);
        clusterModes.put("KAFKA_BOOTSTRAP_SERVERS", null);
        clusterModes.put("KAFKA_REPLICATION_FACTOR", null);
        InfraScripts.Result env = scripts.exec(clusterModes, "service-env.sh");
        assertThat(env.exitCode()).as(env.output()).isZero();
        Map<String, String> exported = new HashMap<>();
        Matcher line = Pattern.compile("(?m)^export (\\w+)='([^']*)'$").matcher(env.output());
        while (line.find()) {
            exported.put(line.group(1), line.group(2));
        }
        assertThat(exported).containsEntry("KAFKA_REPLICATION_FACTOR", "3").containsKeys("REDIS_CLUSTER_NODES", "KAFKA_BOOTSTRAP_SERVERS");
        redisPorts = Arrays.stream(exported.get("REDIS_CLUSTER_NODES").split(","))
                .map(address -> Integer.parseInt(address.substring(address.lastIndexOf(':') + 1))).toList();
        kafkaBootstrap = exported.get("KAFKA_BOOTSTRAP_SERVERS");
    }

    /** Whatever a test crashed is started again, passed or failed: the next test finds every node up. */
    @AfterEach
    void restartWhatATestLeftDown() {
        scripts.run("start.sh", CLUSTERS.toArray(String[]::new));
    }

    @AfterAll
    static void stopWhatWasStartedHere() {
        RESOURCES.shutdown();
        if (!startedHere.isEmpty()) {
            scripts.run("stop.sh", startedHere.toArray(String[]::new));
        }
    }

    @Test
    void aKilledPrimaryIsReplacedByItsReplicaAndRejoinsAsReplicaWithTheData() {
        assertThat(redisPorts).hasSize(6);
        assertThat(roles(view(redisPorts.get(0)))).as("3 primaries serving slots, 3 replicas").isEqualTo(Map.of("primary", 3, "replica", 3));
        for (int port : redisPorts) {
            assertThat(node(port).clusterInfo()).as("CLUSTER INFO of " + port).contains("cluster_state:ok", "cluster_slots_ok:16384");
        }

        String tag = "{ha-" + UUID.randomUUID() + "}";
        String first = tag + ":first";
        String second = tag + ":second";
        String third = tag + ":third";
        RedisClusterClient client = clusterClient();
        try (StatefulRedisClusterConnection<String, String> cluster = client.connect()) {
            cluster.sync().mset(Map.of(first, "1", second, "2"));
            assertThat(cluster.sync().mget(first, second)).extracting(kv -> kv.getValue()).containsExactly("1", "2");

            Matcher owner = PRIMARY_LINE.matcher(scripts.run("cluster.sh", "redis-primary", first));
            assertThat(owner.find()).as("cluster.sh redis-primary names the slot, its primary and its replica").isTrue();
            int slot = Integer.parseInt(owner.group(1));
            int primary = Integer.parseInt(owner.group(2));
            int replica = Integer.parseInt(owner.group(3));
            assertThat(slot).isEqualTo(SlotHash.getSlot(first)).isEqualTo(SlotHash.getSlot(second));
            RedisClusterNode seen = view(replica).getPartitionBySlot(slot);
            assertThat(seen.getUri().getPort()).as("the cluster's own view of the slot's primary").isEqualTo(primary);
            try (StatefulRedisConnection<String, String> onPrimary = redis(primary).connect()) {
                assertThat(onPrimary.sync().waitForReplication(1, 2_000)).as("the replica holds both keys").isEqualTo(1);
            }

            long killedAt = System.nanoTime();
            scripts.run("kill.sh", "redis-cluster:" + primary);
            String failover = scripts.run("cluster.sh", "redis-wait-failover", Integer.toString(primary), Long.toString(FAILOVER_DEADLINE.toSeconds()));
            assertThat(failover).contains("served by 127.0.0.1:" + replica);
            RedisClusterNode promoted = view(replica).getPartitionBySlot(slot);
            assertThat(promoted.getUri().getPort()).as("the replica serves the slot").isEqualTo(replica);
            assertThat(promoted.getRole().isUpstream()).isTrue();
            Duration failoverTime = Duration.ofNanos(System.nanoTime() - killedAt);

            // The client follows the new topology by itself (a write is retried until the slot has a
            // primary again, so it must be one that may land twice); the keys written before the crash are there.
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(cluster.sync().set(third, "3")).isEqualTo("OK"));
            assertThat(cluster.sync().mget(first, second, third)).extracting(kv -> kv.getValue()).containsExactly("1", "2", "3");

            scripts.run("start.sh", "redis-cluster:" + primary);
            Partitions afterRestart = view(primary);
            RedisClusterNode rejoined = afterRestart.getPartition("127.0.0.1", primary);
            assertThat(rejoined.getRole().isReplica()).as("the old primary came back as a replica").isTrue();
            assertThat(afterRestart.getPartitionByNodeId(rejoined.getSlaveOf()).getUri().getPort()).isEqualTo(replica);
            assertThat(node(primary).info("replication")).contains("master_link_status:up");
            try (StatefulRedisConnection<String, String> onRejoined = redis(primary).connect()) {
                RedisCommands<String, String> replicaCommands = onRejoined.sync();
                replicaCommands.readOnly();
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                        .untilAsserted(() -> assertThat(replicaCommands.get(third)).isEqualTo("3"));
                assertThat(replicaCommands.get(first)).isEqualTo("1");
            }
            assertThat(scripts.exec(Map.of(), "status.sh", "redis-cluster").exitCode()).as("healthy again").isZero();
            assertThat(roles(view(redisPorts.get(0)))).isEqualTo(Map.of("primary", 3, "replica", 3));
            System.out.printf("redis-cluster: primary 127.0.0.1:%d killed, replica 127.0.0.1:%d serving slot %d %d ms later%n",
                    primary, replica, slot, failoverTime.toMillis());
            cluster.sync().del(first, second, third);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void withOneBrokerKilledRecordsAreStillAcknowledgedByTwoAndNoneIsLost() throws Exception {
        String topic = TestTopics.deletedAtExit(kafkaBootstrap, "cluster-check-" + UUID.randomUUID());
        String group = "cluster-check-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).as("brokers registered").hasSize(3);
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 3))).all().get(30, TimeUnit.SECONDS);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            // The controller has created the topic; the broker that answers may learn of it a moment later.
            await("the new topic's configuration").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .ignoreException(ExecutionException.class)
                    .untilAsserted(() -> assertThat(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
                            .get(resource).get("min.insync.replicas").value()).isEqualTo("2"));

            List<String> before = values("before", 30);
            List<String> after = values("after", 30);
            send(topic, before);
            assertThat(consume(topic, group, before.size())).containsExactlyInAnyOrderElementsOf(before);
            for (String internal : List.of("__consumer_offsets")) {
                assertThat(describe(admin, internal).partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            }

            int leader = describe(admin, topic).partitions().get(0).leader().id();
            scripts.run("kill.sh", "kafka-cluster:" + leader);
            long killedAt = System.nanoTime();
            send(topic, after);
            Duration sendTime = Duration.ofNanos(System.nanoTime() - killedAt);
            assertThat(consume(topic, group, after.size())).as("the group goes on from its committed offsets")
                    .containsExactlyInAnyOrderElementsOf(after);

            scripts.run("start.sh", "kafka-cluster:" + leader);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                for (TopicPartitionInfo partition : describe(admin, topic).partitions()) {
                    assertThat(partition.isr()).as("partition %d in sync", partition.partition()).hasSize(3);
                }
            });
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);
            System.out.printf("kafka-cluster: broker %d (leader of partition 0) killed; %d records acknowledged by the others in %d ms%n",
                    leader, after.size(), sendTime.toMillis());
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }

    // ---- Redis ----------------------------------------------------------------------------------

    private static RedisClient redis(int port) {
        return RedisClient.create(RESOURCES, RedisURI.builder().withHost("127.0.0.1").withPort(port).withTimeout(Duration.ofSeconds(5)).build());
    }

    /** One command on one node, on a connection of its own. */
    private static NodeCommands node(int port) {
        return new NodeCommands(port);
    }

    private record NodeCommands(int port) {
        String clusterInfo() {
            return call(c -> c.clusterInfo());
        }

        String clusterNodes() {
            return call(c -> c.clusterNodes());
        }

        String info(String section) {
            return call(c -> c.info(section));
        }

        private String call(java.util.function.Function<RedisCommands<String, String>, String> command) {
            RedisClient client = redis(port);
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                return command.apply(connection.sync());
            } finally {
                client.shutdown();
            }
        }
    }

    /** The cluster as the node at PORT sees it. */
    private static Partitions view(int port) {
        return ClusterPartitionParser.parse(node(port).clusterNodes());
    }

    private static Map<String, Integer> roles(Partitions partitions) {
        Map<String, Integer> roles = new HashMap<>();
        for (RedisClusterNode node : partitions) {
            assertThat(node.getFlags()).as("node %s", node.getUri()).doesNotContain(NodeFlag.FAIL, NodeFlag.EVENTUAL_FAIL);
            if (node.getRole().isUpstream() && !node.getSlots().isEmpty()) {
                roles.merge("primary", 1, Integer::sum);
            } else if (node.getRole().isReplica()) {
                roles.merge("replica", 1, Integer::sum);
            } else {
                roles.merge("other", 1, Integer::sum);
            }
        }
        return roles;
    }

    private static RedisClusterClient clusterClient() {
        List<RedisURI> seeds = redisPorts.stream()
                .map(port -> RedisURI.builder().withHost("127.0.0.1").withPort(port).withTimeout(Duration.ofSeconds(2)).build())
                .toList();
        RedisClusterClient client = RedisClusterClient.create(RESOURCES, seeds);
        client.setOptions(ClusterClientOptions.builder()
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enableAllAdaptiveRefreshTriggers()
                        .adaptiveRefreshTriggersTimeout(Duration.ofMillis(500))
                        .enablePeriodicRefresh(Duration.ofSeconds(1))
                        .build())
                .build());
        return client;
    }

    // ---- Kafka ----------------------------------------------------------------------------------

    private static List<String> values(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    private static TopicDescription describe(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
    }

    /** Sends every value with acks=all and waits for each acknowledgement. */
    private static void send(String topic, List<String> values) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (String value : values) {
                sent.add(producer.send(new ProducerRecord<>(topic, value, value)));
            }
            for (java.util.concurrent.Future<?> acknowledgement : sent) {
                acknowledgement.get(90, TimeUnit.SECONDS);
            }
        }
    }

    /** Reads COUNT records as GROUP from its committed offsets (the earliest for a new group) and commits them. */
    private static List<String> consume(String topic, String group, int count) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            // In this thread: a consumer is used by one thread at a time.
            await().atMost(Duration.ofSeconds(90)).pollInSameThread().pollInterval(Duration.ofMillis(1)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    received.add(record.value());
                }
                return received.size() >= count;
            });
            consumer.commitSync(Duration.ofSeconds(30));
        }
        Set<String> distinct = new HashSet<>(received);
        assertThat(distinct).as("no record twice").hasSize(received.size());
        return received;
    }
}
