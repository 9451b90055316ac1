package com.flashsale.coupon.gateway.support;

import com.flashsale.coupon.kit.token.TokenIssuer;
import com.flashsale.coupon.testsupport.TestServers;
import com.flashsale.coupon.testsupport.TestTopics;
import java.io.IOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a gateway test context at the real test servers, on its own Redis database and topic, in
 * the mode its requests need: trusted (the request names its member, as under the {@code local}
 * profile) for tests of the ledger, or with tokens for tests of who may ask.
 */
public final class GatewayTestProperties {

    /** Redis database reserved for gateway tests, away from a running system's database 0. */
    public static final int REDIS_DATABASE = 14;

    private GatewayTestProperties() {
    }

    /** Registers the servers, trusting the member each request names; returns the unique topic this context publishes to. */
    public static String register(DynamicPropertyRegistry registry) {
        String topic = servers(registry);
        registry.add("coupon.auth.mode", () -> "local");
        return topic;
    }

    /**
     * As {@link #register}, with Redis reached through a new proxy the test can cut or stall; the
     * test closes it.
     */
    public static TcpProxy registerBehindProxy(DynamicPropertyRegistry registry) throws IOException {
        register(registry);
        TcpProxy proxy = new TcpProxy(TestServers.endpoints().redisHost(), TestServers.endpoints().redisPort());
        registry.add("spring.data.redis.port", proxy::port);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        return proxy;
    }

    /** Registers the servers, asking every request for a token of {@code tokens}' issuer; returns the topic. */
    public static String registerWithTokens(DynamicPropertyRegistry registry, TokenIssuer tokens) {
        String topic = servers(registry);
        tokens.serviceProperties().forEach((name, value) -> registry.add(name, () -> value));
        return topic;
    }

    private static String servers(DynamicPropertyRegistry registry) {
        TestServers.Endpoints servers = TestServers.endpoints();
        registry.add("spring.data.redis.host", servers::redisHost);
        registry.add("spring.data.redis.port", servers::redisPort);
        registry.add("spring.data.redis.database", () -> REDIS_DATABASE);
        return registerKafka(registry);
    }

    /**
     * The same on the local Redis Cluster instead of the standalone Redis, trusting the member each
     * request names: the context's profile must be {@code redis-cluster}, as {@code scripts/services.sh} sets it.
     */
    public static String registerCluster(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.cluster.nodes", () -> String.join(",", TestServers.redisClusterNodes()));
        registry.add("coupon.auth.mode", () -> "local");
        return registerKafka(registry);
    }

    private static String registerKafka(DynamicPropertyRegistry registry) {
        TestServers.Endpoints servers = TestServers.endpoints();
        String topic = TestTopics.unique("coupon-issued-test-");
        registry.add("spring.kafka.bootstrap-servers", servers::kafkaBootstrapServers);
        registry.add("coupon.relay.topic", () -> topic);
        registry.add("coupon.relay.partitions", () -> 3);
        // Every request of a test comes from 127.0.0.1: one address for all its members. The limits
        // are tested on their own, with addresses a trusted proxy forwarded.
        registry.add("coupon.rate-limit.per-address.enabled", () -> false);
        return topic;
    }
}
