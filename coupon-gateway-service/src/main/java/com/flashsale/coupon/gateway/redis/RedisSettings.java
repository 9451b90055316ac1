package com.flashsale.coupon.gateway.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Redis ledger is. The command timeout bounds how long a request can wait on Redis:
 * past it the member gets a 503 instead of a hanging connection.
 */
@ConfigurationProperties("coupon.redis")
public record RedisSettings(@DefaultValue("127.0.0.1") String host, @DefaultValue("6379") int port,
        @DefaultValue("0") int database, String password, @DefaultValue("1s") Duration commandTimeout,
        @DefaultValue("2s") Duration connectTimeout) {
}
