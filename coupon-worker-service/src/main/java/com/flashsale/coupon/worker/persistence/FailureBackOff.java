package com.flashsale.coupon.worker.persistence;

import java.time.Duration;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The back-off of both listener error handlers, by {@link FailureKind}: a transient failure (the database
 * is away) is retried on it without end, since giving up over an outage would break the promise made to
 * the member; any other failure gets {@code attempts} tries in all before the recoverer takes the record.
 */
public final class FailureBackOff {

    private FailureBackOff() {
    }

    public static DefaultErrorHandler errorHandler(ConsumerRecordRecoverer recoverer, int attempts,
            Duration initialInterval, double multiplier, Duration maxInterval) {
        ExponentialBackOffWithMaxRetries limited = new ExponentialBackOffWithMaxRetries(attempts - 1);
        limited.setInitialInterval(initialInterval.toMillis());
        limited.setMultiplier(multiplier);
        limited.setMaxInterval(maxInterval.toMillis());
        ExponentialBackOff unlimited = new ExponentialBackOff(initialInterval.toMillis(), multiplier);
        unlimited.setMaxInterval(maxInterval.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, limited);
        handler.setBackOffFunction((record, failure) -> FailureKind.of(failure) == FailureKind.TRANSIENT
                ? unlimited
                : null);
        return handler;
    }
}
