package com.flashsale.coupon.gateway.outbox;

import com.flashsale.coupon.events.CouponIssued;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** What the relay reports: throughput, failures, and how long an accepted issuance waited for Kafka. */
@Component
class RelayMetrics {

    private final Counter relayed;
    private final Counter publishErrors;
    private final Counter malformed;
    private final Timer lag;
    private final Clock clock;

    RelayMetrics(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.relayed = Counter.builder("coupon.outbox.relayed")
                .description("Outbox entries acknowledged by Kafka").register(meters);
        this.publishErrors = Counter.builder("coupon.outbox.publish.errors")
                .description("Outbox entries Kafka did not acknowledge (retried)").register(meters);
        this.malformed = Counter.builder("coupon.outbox.malformed")
                .description("Outbox entries that could not be turned into events").register(meters);
        this.lag = Timer.builder("coupon.outbox.relay.lag")
                .description("Time from acceptance in Redis to acknowledgement by Kafka")
                .publishPercentileHistogram().register(meters);
    }

    void relayed(CouponIssued event) {
        relayed.increment();
        lag.record(Duration.ofMillis(clock.millis() - event.acceptedAt().toEpochMilli()));
    }

    void publishErrors(int count) {
        if (count > 0) {
            publishErrors.increment(count);
        }
    }

    void malformed() {
        malformed.increment();
    }
}
