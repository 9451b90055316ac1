package com.flashsale.coupon.lab.baseline;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the two Redis baselines share: one Lettuce connection for every client (Lettuce pipelines
 * concurrent callers), the seed's keys (a stock counter and a set of members), and a Kafka producer
 * that publishes one event per issuance. Events Kafka acknowledged are counted: they are what the
 * seed's consumer would have persisted.
 */
final class RedisSale implements AutoCloseable {

    static final String STOCK = "lab:{coupon:LAB}:stock";
    static final String ISSUED = "lab:{coupon:LAB}:issued";

    final RedisCommands<String, String> redis;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong publishFailures = new AtomicLong();

    RedisSale(LabServers servers) throws Exception {
        servers.createTopic();
        client = RedisClient.create(servers.redisUri());
        connection = client.connect();
        redis = connection.sync();
        producer = servers.producer();
        topic = servers.topic();
    }

    void reset(int stock) {
        redis.del(STOCK, ISSUED);
        redis.set(STOCK, Integer.toString(stock));
        acknowledged.set(0);
        publishFailures.set(0);
    }

    /** Sends the event and answers at once, as the seed did; a refused send runs {@code onFailure}. */
    void publish(long memberId, Runnable onFailure) {
        String key = "LAB:" + memberId;
        producer.send(new ProducerRecord<>(topic, key, "{\"couponCode\":\"LAB\",\"memberId\":" + memberId + "}"),
                (metadata, error) -> {
                    if (error == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        publishFailures.incrementAndGet();
                        onFailure.run();
                    }
                });
    }

    Baseline.StoreState state() {
        producer.flush();
        String stock = redis.get(STOCK);
        return new Baseline.StoreState(redis.scard(ISSUED), acknowledged.get(), stock == null ? 0 : Long.parseLong(stock));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        connection.close();
        client.shutdown();
    }
}
