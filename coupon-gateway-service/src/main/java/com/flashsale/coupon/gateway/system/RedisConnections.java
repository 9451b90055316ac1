package com.flashsale.coupon.gateway.system;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Two long-lived Lettuce connections: one shared by every request thread (Lettuce pipelines
 * concurrent callers on it) and one for the outbox relay, so relay batches never queue in front of
 * member requests. Connections are opened on first use, so the gateway starts while Redis is down
 * and recovers by itself; while disconnected, commands fail at once instead of queueing, which
 * turns a Redis outage into fast 503 answers rather than piled-up threads.
 */
@Component
public class RedisConnections implements DisposableBean {

    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> requests;
    private volatile StatefulRedisConnection<String, String> relay;
    private final long retryConnectAfterNanos;
    private volatile long lastFailedConnectAt = System.nanoTime() - Long.MAX_VALUE / 2;

    RedisConnections(RedisSettings settings) {
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
        // The command timeout is the URI's, which every synchronous call here waits at most (then a
        // RedisCommandTimeoutException, a 503). TimeoutOptions would add a timer task per command on
        // the event loop: about 5 % of the gateway's CPU in the benchmark's profile, for nothing the
        // synchronous calls need (bench-results/tried.md).
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build())
                .socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).build())
                .build());
    }

    /** Commands for the request path. Throws a {@link io.lettuce.core.RedisException} when Redis cannot be reached. */
    public RedisCommands<String, String> requests() {
        StatefulRedisConnection<String, String> connection = requests;
        if (connection == null) {
            synchronized (this) {
                if (requests == null) {
                    requests = connect();
                }
                connection = requests;
            }
        }
        return connection.sync();
    }

    /** Commands for the outbox relay, on a connection of its own. */
    public RedisCommands<String, String> relay() {
        StatefulRedisConnection<String, String> connection = relay;
        if (connection == null) {
            synchronized (this) {
                if (relay == null) {
                    relay = connect();
                }
                connection = relay;
            }
        }
        return connection.sync();
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

    @Override
    public void destroy() {
        client.shutdown();
    }
}
