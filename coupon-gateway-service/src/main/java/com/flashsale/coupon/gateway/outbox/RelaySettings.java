package com.flashsale.coupon.gateway.outbox;

import com.flashsale.coupon.events.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay moves accepted issuances from the Redis streams to Kafka.
 *
 * @param claimIdle how long an entry may stay unacknowledged with another relay before this one
 *        takes it over: longer than a healthy publish takes, short enough that a dead gateway's
 *        entries are not left waiting long
 * @param consumerName this relay's name in the stream consumer group; empty means host + random suffix
 */
@ConfigurationProperties("coupon.relay")
record RelaySettings(@DefaultValue("true") boolean enabled, @DefaultValue(Topics.COUPON_ISSUED) String topic,
        @DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
        @DefaultValue("500") int batchSize, @DefaultValue("10ms") Duration idlePoll,
        @DefaultValue("15s") Duration claimIdle, @DefaultValue("1s") Duration claimInterval,
        @DefaultValue("20s") Duration sendTimeout, @DefaultValue("2s") Duration campaignRefresh,
        @DefaultValue("100ms") Duration retryBackoffInitial, @DefaultValue("5s") Duration retryBackoffMax,
        @DefaultValue("") String consumerName) {
}
