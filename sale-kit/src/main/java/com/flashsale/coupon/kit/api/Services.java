package com.flashsale.coupon.kit.api;

import java.util.List;

/** Where the running system answers: one or more gateway replicas, and a worker. */
public record Services(List<LocalTarget> gateways, LocalTarget worker) {

    public Services {
        gateways = List.copyOf(gateways);
        if (gateways.isEmpty()) {
            throw new IllegalArgumentException("at least one gateway");
        }
    }

    public static Services of(LocalTarget gateway, LocalTarget worker) {
        return new Services(List.of(gateway), worker);
    }

    /** Both services on 127.0.0.1, as {@code make run} and the tests start them. */
    public static Services local(int gatewayPort, int workerPort) {
        return of(LocalTarget.port(gatewayPort), LocalTarget.port(workerPort));
    }

    public LocalTarget gateway() {
        return gateways.getFirst();
    }

    public LocalTarget gateway(int index) {
        return gateways.get(index);
    }
}
