package com.flashsale.coupon.worker;

import com.flashsale.coupon.events.LedgerKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The gateway's issue script, read from the gateway module itself: what the worker's tests sell with,
 * so a campaign provisioned here and a replay racing a sale meet the very script the gateway runs.
 */
public final class GatewayIssueScript {

    private static final Path SCRIPT = Path.of("..", "coupon-gateway-service", "src", "main", "resources", "scripts",
            "issue.lua");

    /** What the script answers besides the stock left. */
    public static final long UNKNOWN_COUPON = -1;
    public static final long NOT_OPEN = -2;
    public static final long ALREADY_ISSUED = -3;
    public static final long SOLD_OUT = -4;

    private final StringRedisTemplate redis;
    private final RedisScript<Long> script;

    public GatewayIssueScript(StringRedisTemplate redis) {
        this.redis = redis;
        try {
            this.script = RedisScript.of(Files.readString(SCRIPT), Long.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the gateway's issue script is read from " + SCRIPT.toAbsolutePath(), e);
        }
    }

    /** The stock left (>= 0) when issued, else one of the refusals above. */
    public long issue(String couponCode, long memberId, Instant now) {
        LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
        return redis.execute(script, List.of(keys.campaign(), keys.stock(), keys.issued(), keys.outbox()),
                Long.toString(memberId), Long.toString(now.toEpochMilli()));
    }

    public long issue(String couponCode, long memberId) {
        return issue(couponCode, memberId, Instant.now());
    }
}
