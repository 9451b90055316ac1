package com.flashsale.coupon.kit.load;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Spreads requests over the gateway replicas like a load balancer with a passive health check: a
 * replica that refused a connection gets no traffic for a moment. With every replica down, requests
 * still go out (and fail to connect), so the answers show the outage.
 */
final class Route {

    private static final long BENCH_NANOS = 500_000_000L;

    private final AtomicLongArray benchedUntil;

    Route(int gateways) {
        this.benchedUntil = new AtomicLongArray(gateways);
        long now = System.nanoTime();
        for (int i = 0; i < gateways; i++) {
            benchedUntil.set(i, now);
        }
    }

    int pick(long requestIndex) {
        int size = benchedUntil.length();
        if (size == 1) {
            return 0;
        }
        long now = System.nanoTime();
        for (int step = 0; step < size; step++) {
            int candidate = (int) ((requestIndex + step) % size);
            if (benchedUntil.get(candidate) - now <= 0) {
                return candidate;
            }
        }
        return (int) (requestIndex % size);
    }

    void answered(Answer answer) {
        if (answer.outcome() == Outcome.NOT_CONNECTED && benchedUntil.length() > 1) {
            benchedUntil.set(answer.gateway(), System.nanoTime() + BENCH_NANOS);
        }
    }
}
