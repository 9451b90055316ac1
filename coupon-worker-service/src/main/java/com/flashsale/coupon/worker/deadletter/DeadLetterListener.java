package com.flashsale.coupon.worker.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** One dead letter at a time: they are rare, and each may end in a revocation. */
@Component
record DeadLetterListener(DeadLetterProcessor processor) {

    @KafkaListener(id = "coupon-issued-dead-letters", topics = "${coupon.kafka.dead-letter-topic}",
            groupId = "${coupon.kafka.group-id}-dead-letters", containerFactory = DeadLetterContainerConfig.FACTORY)
    void onDeadLetter(ConsumerRecord<String, String> record) {
        processor.process(record.value());
    }
}
