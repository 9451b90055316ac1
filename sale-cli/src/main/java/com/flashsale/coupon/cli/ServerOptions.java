package com.flashsale.coupon.cli;

import com.flashsale.coupon.cli.lab.LabServers;
import com.flashsale.coupon.kit.store.StoreSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where the stores and the Kafka broker are, for the commands that talk to all of them directly
 * (the bench's backlog, the lab's baselines).
 */
public final class ServerOptions {

    @Mixin
    StoreOptions stores;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}, from $KAFKA_BOOTSTRAP_SERVERS or $KAFKA_PORT)")
    String bootstrapServers;

    public StoreSettings stores() {
        return stores.settings();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The lab's own corner of these servers. */
    public LabServers lab() {
        return LabServers.on(stores(), bootstrapServers);
    }
}
