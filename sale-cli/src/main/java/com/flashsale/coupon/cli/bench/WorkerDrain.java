package com.flashsale.coupon.cli.bench;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.EventCodec;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts a backlog of valid {@code CouponIssued} events straight onto the issued topic, as fast as the
 * producer goes, so the worker's persistence rate is measured on its own (in a sale the worker can
 * never go faster than the gateway accepts). The events belong to the bench's members; the reset
 * that follows removes their rows again.
 */
final class WorkerDrain {

    private WorkerDrain() {
    }

    static void publish(String bootstrap, String topic, long couponId, String couponCode, long firstMember, int events) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            Instant now = Instant.now();
            for (int i = 0; i < events; i++) {
                CouponIssued event = CouponIssued.of(couponCode + ":bench-drain-" + run + "-" + i, couponId, couponCode,
                        firstMember + i, now);
                producer.send(new ProducerRecord<>(topic, event.partitionKey(), EventCodec.toJson(event)));
            }
            producer.flush();
        }
    }
}
