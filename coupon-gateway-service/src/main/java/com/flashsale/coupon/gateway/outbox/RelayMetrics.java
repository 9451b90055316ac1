package com.flashsale.coupon.gateway.outbox;

import com.flashsale.coupon.events.CouponIssued;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** What the relay reports: throughput, failures, and how long an accepted issuance waited for Kafka. */
@Component
record RelayMetrics(Counter relayedEntries, Counter refusedEntries, Counter malformedEntries, Timer lag, Clock clock) {

    @Autowired
    RelayMetrics(MeterRegistry meters, Clock clock) {
        this(Counter.builder("coupon.outbox.relayed")
                        .description("Outbox entries acknowledged by Kafka").register(meters),
                Counter.builder("coupon.outbox.publish.errors")
                        .description("Outbox entries Kafka did not acknowledge (retried)").register(meters),
                Counter.builder("coupon.outbox.malformed")
                        .description("Outbox entries that could not be turned into events").register(meters),
                Timer.builder("coupon.outbox.relay.lag")
                        .description("Time from acceptance in Redis to acknowledgement by Kafka")
                        .publishPercentileHistogram().register(meters),
                clock);
    }

    void relayed(CouponIssued event) {
        relayedEntries.increment();
        lag.record(Duration.ofMillis(clock.millis() - event.acceptedAt().toEpochMilli()));
    }

    void publishErrors(int count) {
        if (count > 0) {
            refusedEntries.increment(count);
        }
    }

    void malformed() {
        malformedEntries.increment();
    }
}
