package com.flashsale.coupon.system.chaos;

import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.kit.settle.ConsumerBacklog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The drill's Kafka topics: whether the worker's consumers have processed everything in them, a
 * refusal of every record sent to one (a fault), and their removal once the drill is over (a broker
 * restarted by a later drill then has fewer logs to recover). Processed is the kit's
 * {@link ConsumerBacklog}, over the consumer groups of this drill: the worker derives its group ids
 * from the one the environment gives it, so they all contain the environment's suffix.
 */
final class DrillTopics implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 5;

    private final Admin admin;
    private final List<String> topics;
    private final ConsumerBacklog backlog;

    DrillTopics(String bootstrapServers, List<String> topics, String groupMarker) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
        this.topics = List.copyOf(topics);
        this.backlog = new ConsumerBacklog(bootstrapServers, topics, group -> group.contains(groupMarker),
                "topics " + topics + ", the consumer groups of " + groupMarker);
    }

    /** Records not yet processed, over every partition with records; throws while Kafka is unreachable. */
    long unprocessed() {
        return backlog.pending();
    }

    /**
     * Makes the broker refuse every record sent to the topic ({@code max.message.bytes} below the size of
     * any record batch): each send fails at once with a {@code RecordTooLargeException}, which the producer
     * does not retry, while the broker, the consumers and their group coordinator go on as usual. Returns
     * once the broker answering says so.
     */
    void refuseRecords(String topic) throws Exception {
        alterMaxMessageBytes(topic, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1"),
                AlterConfigOp.OpType.SET), source -> source == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
    }

    /** Takes {@link #refuseRecords} back: the broker's default applies again. */
    void acceptRecords(String topic) throws Exception {
        alterMaxMessageBytes(topic, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""),
                AlterConfigOp.OpType.DELETE), source -> source != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
    }

    /** Changes the topic's limit and returns once the broker answering applies it (the controller records it first). */
    private void alterMaxMessageBytes(String topic, AlterConfigOp change, Predicate<ConfigEntry.ConfigSource> applied)
            throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(change))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        await("%s of %s changed".formatted(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, topic))
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> applied.test(admin.describeConfigs(List.of(resource)).all()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(resource).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).source()));
    }

    @Override
    public void close() {
        try {
            admin.deleteTopics(topics).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Only housekeeping: a topic left behind costs the broker a little recovery time, nothing else.
        } finally {
            backlog.close();
            admin.close();
        }
    }
}
