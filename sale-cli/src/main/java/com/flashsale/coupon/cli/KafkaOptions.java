package com.flashsale.coupon.cli;

import com.flashsale.coupon.events.Topics;
import com.flashsale.coupon.kit.settle.ConsumerBacklog;
import picocli.CommandLine.Option;

/**
 * Where the issuances wait between the gateways' relay and the worker: a sale has not settled while
 * the worker's consumer group has records of the issued topic left to process.
 */
final class KafkaOptions {

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers, to see what the worker has still to persist (default:"
                    + " ${DEFAULT-VALUE}, from $KAFKA_BOOTSTRAP_SERVERS or $KAFKA_PORT)")
    String bootstrapServers;

    @Option(names = "--issued-topic", paramLabel = "TOPIC", defaultValue = Topics.COUPON_ISSUED,
            description = "the topic the gateways publish issuances to (default: ${DEFAULT-VALUE}, from"
                    + " $COUPON_KAFKA_ISSUEDTOPIC)")
    String issuedTopic;

    @Option(names = "--worker-group", paramLabel = "GROUP", defaultValue = "coupon-worker",
            description = "the worker's consumer group on that topic (default: ${DEFAULT-VALUE}, from"
                    + " $COUPON_KAFKA_GROUPID)")
    String workerGroup;

    ConsumerBacklog backlog() {
        return ConsumerBacklog.of(bootstrapServers, issuedTopic, workerGroup);
    }
}
