package com.flashsale.coupon.worker.persistence;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/** Hands each polled batch of the issued topic to the recorder; retries and dead letters are the error handler's. */
@Component
record CouponIssuedListener(IssuedCouponRecorder recorder) {

    static final String ID = "coupon-issued-persistence";

    @KafkaListener(id = ID, topics = "${coupon.kafka.issued-topic}", groupId = "${coupon.kafka.group-id}",
            concurrency = "${coupon.kafka.concurrency}", batch = "true")
    void onBatch(List<ConsumerRecord<String, String>> records) {
        try {
            recorder.record(records.stream().map(ConsumerRecord::value).toList());
        } catch (BatchPersistenceException e) {
            // The index tells the container what to commit (everything before) and what to retry.
            throw new BatchListenerFailedException(e.getMessage(), e.getCause(), e.index());
        }
    }
}
