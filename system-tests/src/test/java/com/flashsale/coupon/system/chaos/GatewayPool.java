package com.flashsale.coupon.system.chaos;

import com.flashsale.coupon.system.ServiceProcess;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Spreads requests over the gateway replicas like a load balancer with a passive health check: a
 * replica that refused a connection gets no traffic for a moment. With every replica down, requests
 * still go out (and fail to connect), so the answer log shows the outage.
 */
final class GatewayPool {

    private static final long BENCH_NANOS = 500_000_000L;

    private final List<ServiceProcess> gateways;
    private final AtomicLongArray benchedUntil;

    GatewayPool(List<ServiceProcess> gateways) {
        this.gateways = List.copyOf(gateways);
        this.benchedUntil = new AtomicLongArray(gateways.size());
        long now = System.nanoTime();
        for (int i = 0; i < gateways.size(); i++) {
            benchedUntil.set(i, now);
        }
    }

    int pick(long requestIndex) {
        int size = gateways.size();
        long now = System.nanoTime();
        for (int step = 0; step < size; step++) {
            int candidate = (int) ((requestIndex + step) % size);
            if (benchedUntil.get(candidate) - now <= 0) {
                return candidate;
            }
        }
        return (int) (requestIndex % size);
    }

    int port(int gateway) {
        return gateways.get(gateway).port();
    }

    void answered(Attempt attempt) {
        if (attempt.outcome() == Outcome.NOT_CONNECTED) {
            benchedUntil.set(attempt.gateway(), System.nanoTime() + BENCH_NANOS);
        }
    }
}
