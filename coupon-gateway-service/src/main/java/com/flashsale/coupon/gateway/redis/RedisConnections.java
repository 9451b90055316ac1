package com.flashsale.coupon.gateway.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Two long-lived Lettuce connections: one shared by every request thread (Lettuce pipelines
 * concurrent callers on it) and one for the outbox relay, so relay batches never queue in front of
 * member requests. Connections are opened on first use, so the gateway starts while Redis is down
 * and recovers by itself; while disconnected, commands fail at once instead of queueing, which
 * turns a Redis outage into fast 503 answers rather than piled-up threads.
 *
 * <p>The decision's own commands ({@link #decide}) wait through {@link CommandDeadlines} instead of
 * Lettuce's synchronous API; the rest (stock view, health, relay, mirror) are rare or run on
 * platform threads and keep the synchronous API.
 *
 * <p>Lettuce directly rather than Spring Data Redis's connection factory and template: the request
 * path needs Lettuce's asynchronous API for {@link CommandDeadlines} and one shared connection that
 * pipelines concurrent callers, and the template would only add serialisation and a layer around the
 * same client. What that leaves to write by hand is what no factory offers: opening on first use,
 * and refusing at once instead of queueing while Redis is unreachable.
 */
@Component
public class RedisConnections implements DisposableBean {

    private final RedisClient client;
    private final LazyConnection requests = new LazyConnection();
    private final LazyConnection relay = new LazyConnection();
    private final long retryConnectAfterNanos;
    private volatile long lastFailedConnectAt = System.nanoTime() - Long.MAX_VALUE / 2;
    private final CommandDeadlines deadlines;
    private final ScheduledFuture<?> deadlineSweeps;

    public RedisConnections(RedisSettings settings, @Qualifier(RedisSchedulerConfig.SCHEDULER) TaskScheduler scheduler) {
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(settings.host())
                .withPort(settings.port())
                .withDatabase(settings.database())
                .withTimeout(settings.commandTimeout());
        if (settings.password() != null && !settings.password().isBlank()) {
            uri.withPassword(settings.password().toCharArray());
        }
        this.client = RedisClient.create(uri.build());
        this.retryConnectAfterNanos = settings.connectTimeout().toNanos();
        // The command timeout is the URI's, which every synchronous call here waits at most, and
        // CommandDeadlines enforces for the decision's commands (then a RedisCommandTimeoutException,
        // a 503). TimeoutOptions would add a timer task per command on the event loop: about 5 % of
        // the gateway's CPU in the benchmark's profile, for nothing either wait needs
        // (docs/benchmarks.md).
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build())
                .socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).build())
                .build());
        this.deadlines = new CommandDeadlines(settings.commandTimeout());
        this.deadlineSweeps = scheduler.scheduleWithFixedDelay(deadlines::sweep, CommandDeadlines.SWEEP_EVERY);
    }

    /** Commands for the request path. Throws a {@link io.lettuce.core.RedisException} when Redis cannot be reached. */
    public RedisCommands<String, String> requests() {
        return requests.get().sync();
    }

    /**
     * Runs one of the decision's commands on the request connection and waits for its answer, at
     * most the command timeout (then a {@link io.lettuce.core.RedisCommandTimeoutException}).
     */
    public <T> T decide(Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command) {
        return deadlines.await(command.apply(requests.get().async()));
    }

    /** Commands for the outbox relay, on a connection of its own. */
    public RedisCommands<String, String> relay() {
        return relay.get().sync();
    }

    /**
     * While Redis is unreachable, at most one connection attempt per {@code connectTimeout}: the
     * other requests fail at once instead of queueing behind the attempt.
     */
    private StatefulRedisConnection<String, String> connect() {
        long now = System.nanoTime();
        if (now - lastFailedConnectAt < retryConnectAfterNanos) {
            throw new RedisConnectionException("Redis unreachable (last attempt failed less than "
                    + retryConnectAfterNanos / 1_000_000 + " ms ago)");
        }
        try {
            return client.connect();
        } catch (RedisException e) {
            lastFailedConnectAt = System.nanoTime();
            throw e;
        }
    }

    /** A connection opened on first use; callers arriving meanwhile wait for that one attempt. */
    private final class LazyConnection {

        private volatile StatefulRedisConnection<String, String> connection;

        StatefulRedisConnection<String, String> get() {
            StatefulRedisConnection<String, String> current = connection;
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
    }

    @Override
    public void destroy() {
        // The scheduler outlives this bean (it depends on it), so the sweep is stopped here, before the connections close.
        deadlineSweeps.cancel(false);
        client.shutdown();
    }
}
