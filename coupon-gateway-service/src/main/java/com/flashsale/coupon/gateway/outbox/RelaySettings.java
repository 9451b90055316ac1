package com.flashsale.coupon.gateway.outbox;

import com.flashsale.coupon.events.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the outbox relay moves accepted issuances from the Redis streams to Kafka.
 *
 * @param claimIdle how long an entry may stay unacknowledged with another relay before this one
 *        takes it over: longer than a healthy publish takes, short enough that a dead gateway's
 *        entries are not left waiting long
 * @param consumerName this relay's name in the stream consumer group; empty means host + random suffix
 * @param retryBackoffInitial the pause after a failed round (Redis or Kafka away); it doubles with
 *        every further failure in a row, up to {@code retryBackoffMax}
 */
@ConfigurationProperties("coupon.relay")
record RelaySettings(@DefaultValue("true") boolean enabled, @DefaultValue(Topics.COUPON_ISSUED) String topic,
        @DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
        @DefaultValue("500") int batchSize, @DefaultValue("10ms") Duration idlePoll,
        @DefaultValue("15s") Duration claimIdle, @DefaultValue("1s") Duration claimInterval,
        @DefaultValue("20s") Duration sendTimeout, @DefaultValue("2s") Duration campaignRefresh,
        @DefaultValue("100ms") Duration retryBackoffInitial, @DefaultValue("5s") Duration retryBackoffMax,
        @DefaultValue("") String consumerName) {

    /** The pause after each failed round in a row: the initial one, doubling, capped, never giving up. */
    BackOff retryBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(retryBackoffInitial.toMillis(), 2.0);
        backOff.setMaxInterval(retryBackoffMax.toMillis());
        return backOff;
    }
}
