package com.flashsale.coupon.gateway.redis;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** The gateway cannot decide anything without the Redis ledger: it is part of readiness. */
@Component("redisLedger")
class RedisPingHealthIndicator extends AbstractHealthIndicator {

    private final RedisConnections redis;

    RedisPingHealthIndicator(RedisConnections redis) {
        super("Redis ledger health check failed");
        this.redis = redis;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("ping", redis.requests().ping());
    }
}
