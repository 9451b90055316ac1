package com.flashsale.coupon.gateway.redis;

import io.lettuce.core.RedisException;
import java.time.Duration;

/**
 * The primary ran the script, but no replica confirmed holding it in time: a failover now could take
 * the decision back, so it is not promised. A {@link RedisException}, answered as any unreachable
 * ledger is (503, outcome unknown): a retry is safe, it gets the coupon or "already issued".
 */
public class ReplicaNotConfirmedException extends RedisException {

    ReplicaNotConfirmedException(Duration waited) {
        super("No replica confirmed the decision within " + waited.toMillis() + " ms");
    }
}
