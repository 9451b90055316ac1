package com.flashsale.coupon.gateway.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode.NodeFlag;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The gateway's connections to the Redis ledger, on the Lettuce client Spring Boot builds from
 * {@code spring.data.redis.*}: a {@link RedisClient} for one Redis, a {@link RedisClusterClient}
 * (with its topology refresh) for a cluster. Two long-lived connections: one shared by every
 * request thread (Lettuce pipelines concurrent callers on it) and one for the outbox relay and the
 * background reads, so relay batches never queue in front of member requests. On a cluster each is a
 * cluster connection holding one connection per node.
 *
 * <p>Connections are opened on first use, so the gateway starts while Redis is down and recovers by
 * itself; while disconnected, commands fail at once instead of queueing, which turns a Redis outage
 * into fast 503 answers rather than piled-up threads.
 *
 * <p>The decision's own commands ({@link #decide}) go to the connection of the node that holds their
 * key and wait through {@link CommandDeadlines} instead of Lettuce's synchronous API. On that same
 * node connection {@link #confirmReplicated} sends the {@code WAIT} that confirms them: a keyless
 * command sent through a cluster connection would go to some default node instead. The rest (stock
 * view, health, relay, mirror) is rare or runs on platform threads and keeps the synchronous API.
 *
 * <p>Lettuce directly rather than Spring Data Redis's template: the request path needs Lettuce's
 * asynchronous API for {@link CommandDeadlines}, node connections for {@code WAIT}, and one shared
 * connection that pipelines concurrent callers; the template would only add serialisation and a
 * layer around the same client. What that leaves to write by hand is what no factory offers: opening
 * on first use, refusing at once instead of queueing while Redis is unreachable, and the group commit.
 */
@Component
public class RedisConnections implements DisposableBean {

    private final LettuceConnectionFactory factory;
    private final RedisSettings settings;
    private final LazyConnection requests = new LazyConnection();
    private final LazyConnection relay = new LazyConnection();
    private final Map<StatefulRedisConnection<String, String>, GroupCommit> groupCommits = new ConcurrentHashMap<>();
    private final CommandDeadlines deadlines;
    private final ScheduledFuture<?> deadlineSweeps;
    private volatile AbstractRedisClient client;
    private volatile long retryConnectAfterNanos;
    private volatile long lastFailedConnectAt = System.nanoTime() - Long.MAX_VALUE / 2;
    private volatile long lastTopologyRefreshAt = System.nanoTime() - Long.MAX_VALUE / 2;

    public RedisConnections(LettuceConnectionFactory factory, RedisSettings settings,
            @Qualifier(RedisSchedulerConfig.SCHEDULER) TaskScheduler scheduler) {
        this.factory = factory;
        this.settings = settings;
        this.deadlines = new CommandDeadlines(factory.getClientConfiguration().getCommandTimeout());
        this.deadlineSweeps = scheduler.scheduleWithFixedDelay(deadlines::sweep, CommandDeadlines.SWEEP_EVERY);
    }

    public RedisSettings settings() {
        return settings;
    }

    /** Commands for the request path. Throws a {@link RedisException} when Redis cannot be reached. */
    public RedisClusterCommands<String, String> requests() {
        return requests.sync();
    }

    /**
     * Runs one of the decision's commands on the request connection of the node holding {@code key}
     * and waits for its answer, at most {@code spring.data.redis.timeout} (then a
     * {@link io.lettuce.core.RedisCommandTimeoutException}).
     */
    public <T> T decide(String key, Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command) {
        return deadlines.await(command.apply(requests.node(key).async()));
    }

    /**
     * Under {@code coupon.redis.acknowledge=replica}, returns once a replica holds every write the
     * request connection sent to the node holding {@code key} so far (decisions already answered
     * included), or throws {@link ReplicaNotConfirmedException}; otherwise returns at once. A primary
     * with no replica linked at all confirms by itself ({@link GroupCommit}).
     */
    public void confirmReplicated(String key) {
        if (settings.acknowledge() == RedisSettings.Acknowledge.NONE) {
            return;
        }
        StatefulRedisConnection<String, String> node = requests.node(key);
        if (!deadlines.await(groupCommit(node).confirm())) {
            throw new ReplicaNotConfirmedException(settings.acknowledgeTimeout());
        }
    }

    /** Commands for the outbox relay and the background reads, on a connection of their own. */
    public RedisClusterCommands<String, String> relay() {
        return relay.sync();
    }

    /**
     * The relay's connection to the node holding {@code key}: where a stream is read and where
     * {@code WAIT} confirms what that read saw ({@link #confirmRelayed}).
     */
    public RedisCommands<String, String> relayAt(String key) {
        return relay.node(key).sync();
    }

    /**
     * Under {@code coupon.redis.acknowledge=replica}, true once a replica holds every write the
     * relay's connection sent to the node holding {@code key} (an {@code XREADGROUP} that delivered
     * entries is one: replicas receiving it have every entry it delivered), or once the primary has no
     * replica linked at all, as for the decisions ({@link GroupCommit}); always true otherwise.
     */
    public boolean confirmRelayed(String key) {
        if (settings.acknowledge() == RedisSettings.Acknowledge.NONE) {
            return true;
        }
        RedisCommands<String, String> node = relayAt(key);
        return node.waitForReplication(1, settings.acknowledgeTimeout().toMillis()) >= 1
                || ReplicaLinks.online(node.info("replication")) == 0;
    }

    /**
     * The run id of the Redis process that holds {@code key} now, read on the relay's connection: it
     * changes when a failover puts another primary there, or the process restarts.
     */
    public String runIdAt(String key) {
        return relayAt(key).info("server").lines().filter(line -> line.startsWith("run_id:"))
                .map(line -> line.substring("run_id:".length()).strip()).findFirst()
                .orElseThrow(() -> new RedisException("INFO server named no run_id"));
    }

    private GroupCommit groupCommit(StatefulRedisConnection<String, String> node) {
        GroupCommit commit = groupCommits.get(node);
        if (commit == null) {
            // Rare: a node connection seen for the first time. Forget those closed since (a topology change).
            groupCommits.keySet().removeIf(connection -> !connection.isOpen());
            commit = groupCommits.computeIfAbsent(node,
                    connection -> new GroupCommit(connection.async(), settings.acknowledgeTimeout()));
        }
        return commit;
    }

    /**
     * Boot's client, with what the request path needs: refuse while disconnected rather than queue,
     * and no timer task per command (TimeoutOptions would add one on the event loop: about 5 % of the
     * gateway's CPU in the benchmark's profile, docs/benchmarks.md); {@link CommandDeadlines} and the
     * synchronous API's own wait bound every command. On a cluster, nodes flagged as failed are left
     * out of the topology, so a dead primary's slots show as unserved (a fast 503) until its replica
     * is promoted.
     */
    private AbstractRedisClient client() {
        AbstractRedisClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    AbstractRedisClient boots = factory.getRequiredNativeClient();
                    if (boots instanceof RedisClusterClient cluster) {
                        cluster.setOptions(ClusterClientOptions.builder(cluster.getOptions())
                                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build())
                                .nodeFilter(node -> !node.is(NodeFlag.FAIL) && !node.is(NodeFlag.EVENTUAL_FAIL)
                                        && !node.is(NodeFlag.NOADDR))
                                .build());
                    } else if (boots instanceof RedisClient single) {
                        single.setOptions(single.getOptions().mutate()
                                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build())
                                .build());
                    } else {
                        throw new IllegalStateException("Unsupported Redis client " + boots.getClass().getName());
                    }
                    retryConnectAfterNanos = boots.getOptions().getSocketOptions().getConnectTimeout().toNanos();
                    client = boots;
                }
                current = client;
            }
        }
        return current;
    }

    /**
     * While Redis is unreachable, at most one connection attempt per connect timeout: the other
     * requests fail at once instead of queueing behind the attempt.
     */
    private StatefulConnection<String, String> connect() {
        AbstractRedisClient redis = client();
        long now = System.nanoTime();
        if (now - lastFailedConnectAt < retryConnectAfterNanos) {
            throw new RedisConnectionException("Redis unreachable (last attempt failed less than "
                    + retryConnectAfterNanos / 1_000_000 + " ms ago)");
        }
        try {
            return redis instanceof RedisClusterClient cluster ? cluster.connect() : ((RedisClient) redis).connect();
        } catch (RedisException e) {
            lastFailedConnectAt = System.nanoTime();
            throw e;
        }
    }

    /**
     * A slot no live primary serves: the cluster is failing over, or the client's view is stale. Ask
     * for a new view (at most once a second; the periodic refresh goes on as well) and fail at once.
     */
    private RedisException noPrimaryFor(RedisClusterClient cluster, int slot) {
        long now = System.nanoTime();
        if (now - lastTopologyRefreshAt > Duration.ofSeconds(1).toNanos()) {
            lastTopologyRefreshAt = now;
            cluster.refreshPartitionsAsync();
        }
        return new RedisConnectionException("No live Redis primary serves slot " + slot + " at the moment");
    }

    /** A connection opened on first use; callers arriving meanwhile wait for that one attempt. */
    private final class LazyConnection {

        private volatile StatefulConnection<String, String> connection;

        StatefulConnection<String, String> get() {
            StatefulConnection<String, String> current = connection;
            if (current == null) {
                synchronized (this) {
                    if (connection == null) {
                        connection = connect();
                    }
                    current = connection;
                }
            }
            return current;
        }

        RedisClusterCommands<String, String> sync() {
            StatefulConnection<String, String> current = get();
            return current instanceof StatefulRedisClusterConnection<String, String> cluster ? cluster.sync()
                    : ((StatefulRedisConnection<String, String>) current).sync();
        }

        /** The connection to the primary holding {@code key}: the only one for a single Redis. */
        StatefulRedisConnection<String, String> node(String key) {
            StatefulConnection<String, String> current = get();
            if (!(current instanceof StatefulRedisClusterConnection<String, String> cluster)) {
                return (StatefulRedisConnection<String, String>) current;
            }
            int slot = SlotHash.getSlot(key);
            RedisClusterNode primary = cluster.getPartitions().getMasterBySlot(slot);
            if (primary == null) {
                throw noPrimaryFor((RedisClusterClient) client(), slot);
            }
            return cluster.getConnection(primary.getNodeId());
        }

        void close() {
            StatefulConnection<String, String> current = connection;
            if (current != null) {
                current.close();
            }
        }
    }

    @Override
    public void destroy() {
        // The scheduler outlives this bean (it depends on it), so the sweep is stopped here, before the connections close.
        deadlineSweeps.cancel(false);
        requests.close();
        relay.close();
    }
}
