package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.api.Credentials;
import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.api.Services;
import picocli.CommandLine.Option;

/** Where the services answer and how the operator proves who they are. */
public final class ServiceOptions {

    @Option(names = "--gateway-url", paramLabel = "URL",
            description = "gateway base URL, loopback only (default: ${DEFAULT-VALUE}, from $GATEWAY_PORT)")
    LocalTarget gateway;

    @Option(names = "--worker-url", paramLabel = "URL",
            description = "worker base URL, loopback only (default: ${DEFAULT-VALUE}, from $WORKER_PORT)")
    LocalTarget worker;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = "X-Admin-Token for the operator endpoints (default: $COUPON_ADMIN_TOKEN; not needed under"
                    + " the local profile)")
    String adminToken;

    public LocalTarget gateway() {
        return gateway;
    }

    public LocalTarget worker() {
        return worker;
    }

    public Credentials credentials() {
        return Credentials.adminToken(adminToken);
    }

    public SaleClient client() {
        return new SaleClient(Services.of(gateway, worker), credentials());
    }
}
