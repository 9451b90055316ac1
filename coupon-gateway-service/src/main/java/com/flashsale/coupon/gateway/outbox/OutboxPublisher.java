package com.flashsale.coupon.gateway.outbox;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/** Sends a batch of outbox entries to Kafka and reports which ones Kafka acknowledged. */
@Component
record OutboxPublisher(KafkaTemplate<String, String> kafka, RelayMetrics metrics) {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    /** Entry ids Kafka acknowledged (acks=all); the others stay pending and are retried later. */
    List<String> publish(String topic, List<OutboxEntry> entries, Duration timeout) {
        List<Send> sends = new ArrayList<>(entries.size());
        List<String> acknowledged = new ArrayList<>(entries.size());
        RuntimeException refused = null;
        for (OutboxEntry entry : entries) {
            CouponIssued event;
            try {
                event = entry.toEvent();
            } catch (RuntimeException malformed) {
                // Cannot become an event, now or ever: keeping it would block nothing but would be retried forever.
                log.error("Dropping malformed outbox entry {} of {}: {}", entry.entryId(), entry.couponCode(), entry.fields());
                metrics.malformed();
                acknowledged.add(entry.entryId());
                continue;
            }
            if (refused != null) {
                // Kafka refused synchronously (no metadata within max.block.ms): each further send would
                // wait as long again. The rest stay pending and are claimed again later.
                sends.add(new Send(entry, event, CompletableFuture.failedFuture(refused)));
                continue;
            }
            try {
                sends.add(new Send(entry, event, kafka.send(topic, event.partitionKey(), EventCodec.toJson(event))));
            } catch (RuntimeException e) {
                refused = e;
                sends.add(new Send(entry, event, CompletableFuture.failedFuture(e)));
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int failed = 0;
        for (Send send : sends) {
            try {
                send.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(send.entry().entryId());
                metrics.relayed(send.event());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                failed++;
                if (failed == 1) {
                    log.warn("Kafka did not acknowledge outbox entries of {} (kept for retry): {}",
                            send.entry().couponCode(), e.getMessage());
                }
            }
        }
        metrics.publishErrors(failed);
        return acknowledged;
    }

    private record Send(OutboxEntry entry, CouponIssued event, CompletableFuture<SendResult<String, String>> result) {
    }
}
