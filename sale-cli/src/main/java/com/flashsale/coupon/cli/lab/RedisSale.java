package com.flashsale.coupon.cli.lab;

import com.flashsale.coupon.kit.store.SaleState;
import com.flashsale.coupon.kit.store.StoreCounts;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the two Redis baselines share: one Lettuce connection for every client (Lettuce pipelines
 * concurrent callers), the seed's keys (a stock counter and a set of members), and a Kafka producer
 * that publishes one event per issuance. The events Kafka acknowledged are counted per member: they
 * are what the seed's consumer would have persisted, its "rows". The baselines differ only in how a
 * client decides.
 */
abstract sealed class RedisSale implements Baseline permits DecrThenSismember, LuaWithKafka {

    static final String STOCK = "lab:{coupon:LAB}:stock";
    static final String ISSUED = "lab:{coupon:LAB}:issued";

    final RedisCommands<String, String> redis;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final Map<Long, Integer> acknowledged = new ConcurrentHashMap<>();
    private final Map<Long, String> publishFailures = new ConcurrentHashMap<>();

    RedisSale(LabServers servers) throws Exception {
        servers.createTopic();
        client = RedisClient.create(servers.redisUri());
        connection = client.connect();
        redis = connection.sync();
        producer = servers.producer();
        topic = servers.topic();
        // The topic's leaders are known before the load starts, so its first sends do not wait on them.
        producer.partitionsFor(topic);
    }

    @Override
    public void reset(int stock) {
        redis.del(STOCK, ISSUED);
        redis.set(STOCK, Integer.toString(stock));
        acknowledged.clear();
        publishFailures.clear();
    }

    /**
     * Sends the event and answers at once, as the seed did; a refused send gives the coupon back (the
     * member leaves the set, the stock goes up) after the member was already told yes.
     */
    void publish(long memberId) {
        String key = "LAB:" + memberId;
        producer.send(new ProducerRecord<>(topic, key, "{\"couponCode\":\"LAB\",\"memberId\":" + memberId + "}"),
                (metadata, error) -> {
                    if (error == null) {
                        acknowledged.merge(memberId, 1, Integer::sum);
                    } else {
                        publishFailures.put(memberId, "Kafka refused the event: " + error);
                        redis.srem(ISSUED, Long.toString(memberId));
                        redis.incr(STOCK);
                    }
                });
    }

    /** The stock and the set decide, like the ledger; what Kafka acknowledged is what would be persisted. */
    @Override
    public SaleState state(int quantity) {
        producer.flush();
        String stock = redis.get(STOCK);
        Map<Long, Long> decided = new HashMap<>();
        redis.smembers(ISSUED).forEach(member -> decided.put(Long.parseLong(member), 0L));
        long events = acknowledged.values().stream().mapToLong(Integer::longValue).sum();
        return new SaleState(Baseline.COUPON, new StoreCounts(1, quantity, quantity,
                stock == null ? -1 : Long.parseLong(stock), decided.size(), 0, events, publishFailures.size()), decided,
                acknowledged.keySet(), publishFailures, acknowledged.values().stream().filter(n -> n > 1).count());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        connection.close();
        client.shutdown();
    }
}
