package com.flashsale.coupon.kit.settle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Records of the issuance topics the worker's consumer groups have not processed yet: issuances Redis
 * accepted that are on their way to MySQL, the part of "settled" that only Kafka knows
 * ({@link Settle#alsoWaitFor}). A partition counts from the furthest any of the groups committed (the
 * containers commit after processing), and from its first record still held where none did, as the
 * worker reads it. A topic that does not exist holds nothing.
 */
public final class ConsumerBacklog implements AutoCloseable {

    private static final int TIMEOUT_SECONDS = 5;

    private final String bootstrapServers;
    private final List<String> topics;
    private final Predicate<String> groups;
    private final String description;
    private Admin admin;

    /**
     * The records of {@code topics} that no consumer group {@code groups} accepts has processed;
     * {@code description} names them for a reader.
     */
    public ConsumerBacklog(String bootstrapServers, List<String> topics, Predicate<String> groups, String description) {
        this.bootstrapServers = bootstrapServers;
        this.topics = List.copyOf(topics);
        this.groups = groups;
        this.description = description;
    }

    /** The records of one topic that one consumer group has not processed. */
    public static ConsumerBacklog of(String bootstrapServers, String topic, String group) {
        return new ConsumerBacklog(bootstrapServers, List.of(topic), group::equals,
                "topic " + topic + ", consumer group " + group);
    }

    /** @throws IllegalStateException naming Kafka when it cannot be read */
    public synchronized long pending() {
        // Connected on the first read: a command that ends before it waits for a sale never talks to Kafka.
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1_000));
        }
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (TopicDescription topic : existingTopics()) {
                topic.partitions().forEach(p -> {
                    latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest());
                    earliest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.earliest());
                });
            }
            if (latest.isEmpty()) {
                return 0;
            }
            var ends = admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            var starts = admin.listOffsets(earliest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> committed = committed();
            long pending = 0;
            for (TopicPartition partition : latest.keySet()) {
                long from = Math.max(starts.get(partition).offset(), committed.getOrDefault(partition, 0L));
                pending += Math.max(0, ends.get(partition).offset() - from);
            }
            return pending;
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot read Kafka at " + bootstrapServers + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading Kafka at " + bootstrapServers, e);
        }
    }

    private List<TopicDescription> existingTopics() throws ExecutionException, InterruptedException, TimeoutException {
        List<TopicDescription> existing = new ArrayList<>();
        for (var topic : admin.describeTopics(topics).topicNameValues().values()) {
            try {
                existing.add(topic.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return existing;
    }

    /** The furthest offset any of the groups committed, per partition of the topics. */
    private Map<TopicPartition, Long> committed() throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, ListConsumerGroupOffsetsSpec> ours = new HashMap<>();
        for (GroupListing group : admin.listGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            if (groups.test(group.groupId())) {
                ours.put(group.groupId(), new ListConsumerGroupOffsetsSpec());
            }
        }
        Map<TopicPartition, Long> committed = new HashMap<>();
        if (ours.isEmpty()) {
            return committed;
        }
        admin.listConsumerGroupOffsets(ours).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values()
                .forEach(byPartition -> byPartition.forEach((partition, offset) -> {
                    if (offset != null && topics.contains(partition.topic())) {
                        committed.merge(partition, offset.offset(), Math::max);
                    }
                }));
        return committed;
    }

    /** Which topics and groups, for a reader: "topic coupon-issued, consumer group coupon-worker". */
    public String describe() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(TIMEOUT_SECONDS));
        }
    }
}
