package com.flashsale.coupon.gateway.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the gateway asks of the Redis ledger beyond where it is (that is Spring Boot's
 * {@code spring.data.redis.*}, standalone or cluster, shared with the worker; its {@code timeout}
 * bounds how long a request waits on Redis before a 503).
 *
 * @param acknowledge when an issuance may be answered 200: {@code none}, once the primary ran the
 *        script; {@code replica}, once at least one replica also holds it ({@code WAIT}), so a
 *        primary's death breaks no promise
 * @param acknowledgeTimeout how long {@code WAIT} waits for a replica before the member gets a 503
 *        (outcome unknown, a retry is safe); below {@code spring.data.redis.timeout}
 */
@ConfigurationProperties("coupon.redis")
public record RedisSettings(@DefaultValue("none") Acknowledge acknowledge,
        @DefaultValue("500ms") Duration acknowledgeTimeout) {

    public RedisSettings {
        if (acknowledgeTimeout.isNegative() || acknowledgeTimeout.isZero()) {
            throw new IllegalArgumentException("coupon.redis.acknowledge-timeout must be positive");
        }
    }

    public enum Acknowledge {
        /** Answer once the primary ran the script: its death can lose the last decisions not yet replicated. */
        NONE,
        /** Answer once a replica holds the decision as well. */
        REPLICA
    }
}
