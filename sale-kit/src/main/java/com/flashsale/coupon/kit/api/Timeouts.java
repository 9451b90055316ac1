package com.flashsale.coupon.kit.api;

import java.time.Duration;

/**
 * How long the kit waits. {@code answer} bounds an issue request once it is sent: past it the answer
 * is unknown (the gateway's own Redis deadline is 1 s, so a healthy answer comes far sooner).
 * {@code operator} bounds the operator calls, a reset of a large sale included.
 */
public record Timeouts(Duration connect, Duration answer, Duration operator) {

    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(120));

    public Timeouts withAnswer(Duration answer) {
        return new Timeouts(connect, answer, operator);
    }

    public Timeouts withConnect(Duration connect) {
        return new Timeouts(connect, answer, operator);
    }
}
