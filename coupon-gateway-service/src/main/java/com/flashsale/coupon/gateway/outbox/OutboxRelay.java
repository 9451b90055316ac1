package com.flashsale.coupon.gateway.outbox;

import com.flashsale.coupon.events.LedgerKeys;
import io.lettuce.core.Consumer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Moves accepted issuances from the Redis outbox streams to Kafka, one background thread per
 * gateway. An entry is acknowledged (and deleted) only after Kafka acknowledged it, so a gateway
 * killed at any point loses nothing: its unacknowledged entries stay pending in the group and
 * another relay (or this one, restarted) claims them once they have been idle for
 * {@code claimIdle}. Entries may therefore reach Kafka more than once; the worker's unique key
 * absorbs that. While Kafka is down the streams simply grow, and drain when it returns.
 *
 * <p>A thread of its own rather than a scheduled task: after a full batch it goes round again at
 * once, otherwise it waits one idle poll or its back-off, and {@link #stop()} wakes it from either
 * wait to finish the batch in flight.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStreams streams;
    private final OutboxPublisher publisher;
    private final RelaySettings settings;
    private final Consumer<String> consumer;
    private final Map<String, Long> lastClaimAt = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopped = lock.newCondition();

    private volatile boolean running;
    private volatile Thread worker;
    private Set<String> campaigns = Set.of();
    private long campaignsReadAt;
    private final BackOff retryBackOff;
    /** The back-off of the failures in a row so far; null while the last round went through. */
    private BackOffExecution retries;
    private Duration backoff = Duration.ZERO;

    OutboxRelay(OutboxStreams streams, OutboxPublisher publisher, RelaySettings settings) {
        this.streams = streams;
        this.publisher = publisher;
        this.settings = settings;
        this.retryBackOff = settings.retryBackOff();
        this.consumer = Consumer.from(LedgerKeys.RELAY_GROUP, consumerName(settings));
    }

    @Override
    public void start() {
        if (!settings.enabled() || running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
        log.info("Outbox relay started as consumer '{}' publishing to '{}'", consumer.getName(), settings.topic());
    }

    /** Finishes the batch in flight, then stops: what it did not acknowledge stays pending for later. */
    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread == null) {
            return;
        }
        wakeUp();
        try {
            thread.join(settings.sendTimeout().plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
        log.info("Outbox relay stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                // A full batch means more is probably waiting: go on at once. Otherwise wait one idle
                // poll, so that under load each round carries many entries: one Kafka request and one
                // acknowledgement for many issuances instead of a few, at the price of idlePoll of delay.
                boolean moreWaiting = relayAllCampaigns();
                if (!moreWaiting) {
                    pause(backoff.isZero() ? settings.idlePoll() : backoff);
                }
            } catch (RuntimeException e) {
                // Redis unreachable, most likely: keep trying, more slowly, until it is back.
                increaseBackoff();
                log.warn("Outbox relay iteration failed, retrying in {}: {}", backoff, e.getMessage());
                pause(backoff);
            }
        }
    }

    /** True when some campaign filled a whole batch. */
    private boolean relayAllCampaigns() {
        boolean moreWaiting = false;
        for (String couponCode : campaigns()) {
            moreWaiting |= relay(couponCode) >= settings.batchSize();
        }
        return moreWaiting;
    }

    private int relay(String couponCode) {
        List<OutboxEntry> entries = claimDue(couponCode)
                ? streams.claimStale(couponCode, consumer, settings.claimIdle(), settings.batchSize())
                : List.of();
        if (entries.isEmpty()) {
            entries = streams.readNew(couponCode, consumer, settings.batchSize());
        }
        if (entries.isEmpty()) {
            return 0;
        }
        if (!streams.confirmed(couponCode)) {
            // Not on a replica yet: a failover could still take them back. They stay pending here and
            // are claimed again (by this relay or another) once idle for claimIdle.
            log.warn("No replica confirmed {} outbox entries of {}; publishing them later", entries.size(), couponCode);
            increaseBackoff();
            pause(backoff);
            return 0;
        }
        List<String> acknowledged = publisher.publish(settings.topic(), entries, settings.sendTimeout());
        streams.acknowledge(couponCode, acknowledged);
        if (acknowledged.size() < entries.size()) {
            increaseBackoff();
            pause(backoff);
        } else {
            retries = null;
            backoff = Duration.ZERO;
        }
        return acknowledged.size();
    }

    private boolean claimDue(String couponCode) {
        long now = System.currentTimeMillis();
        Long last = lastClaimAt.get(couponCode);
        if (last != null && now - last < settings.claimInterval().toMillis()) {
            return false;
        }
        lastClaimAt.put(couponCode, now);
        return true;
    }

    private Set<String> campaigns() {
        long now = System.currentTimeMillis();
        if (now - campaignsReadAt >= settings.campaignRefresh().toMillis() || campaigns.isEmpty()) {
            campaigns = streams.campaigns();
            campaignsReadAt = now;
        }
        return campaigns;
    }

    private void increaseBackoff() {
        if (retries == null) {
            retries = retryBackOff.start();
        }
        backoff = Duration.ofMillis(retries.nextBackOff());
    }

    private void pause(Duration duration) {
        lock.lock();
        try {
            if (running) {
                stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void wakeUp() {
        lock.lock();
        try {
            stopped.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static String consumerName(RelaySettings settings) {
        if (!settings.consumerName().isBlank()) {
            return settings.consumerName();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "gateway";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
