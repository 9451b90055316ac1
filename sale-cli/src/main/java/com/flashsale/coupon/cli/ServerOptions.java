package com.flashsale.coupon.cli;

import picocli.CommandLine.Option;

/** Where the Kafka broker is, for the commands that talk to it directly (the bench's backlog, the lab's baseline). */
public final class KafkaOptions {

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}, from $KAFKA_BOOTSTRAP_SERVERS or $KAFKA_PORT)")
    String bootstrapServers;

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
