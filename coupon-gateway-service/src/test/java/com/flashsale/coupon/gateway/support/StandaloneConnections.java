package com.flashsale.coupon.gateway.support;

import com.flashsale.coupon.gateway.redis.RedisConnections;
import com.flashsale.coupon.gateway.redis.RedisSettings;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import java.time.Duration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * The gateway's connections outside a Spring context, on a Lettuce client built the way Boot builds
 * it from {@code spring.data.redis.*}; {@code destroy()} closes the client as well.
 */
public final class StandaloneConnections {

    private StandaloneConnections() {
    }

    public static RedisConnections open(String host, int port, Duration timeout, RedisSettings settings,
            TaskScheduler scheduler) {
        RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(host, port);
        server.setDatabase(GatewayTestProperties.REDIS_DATABASE);
        LettuceConnectionFactory factory = new LettuceConnectionFactory(server, LettuceClientConfiguration.builder()
                .commandTimeout(timeout)
                .clientOptions(ClientOptions.builder().socketOptions(SocketOptions.builder().connectTimeout(timeout).build()).build())
                .build());
        factory.afterPropertiesSet();
        factory.start();
        return new RedisConnections(factory, settings, scheduler) {
            @Override
            public void destroy() {
                super.destroy();
                factory.destroy();
            }
        };
    }
}
