package com.flashsale.coupon.gateway.redis;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Part of the ledger the gateway keeps a copy of, read again on {@link RedisSchedulerConfig#SCHEDULER}
 * from the application's start until it stops: the member mirror, the sold-out campaigns, the stock
 * and outbox gauges. Reads that fail are logged when they start failing and when they work again,
 * once each, so Redis down for a minute is two lines in the log rather than one a turn.
 */
public abstract class LedgerCopy implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final TaskScheduler scheduler;
    private final Duration every;
    private final String failingMessage;
    private final String workingMessage;
    private volatile ScheduledFuture<?> refreshes;
    private volatile boolean failing;

    /**
     * @param every between the end of one refresh and the start of the next; zero: never refreshed
     * @param failingMessage logged with the cause when reads start failing
     * @param workingMessage logged when they work again
     */
    protected LedgerCopy(TaskScheduler scheduler, Duration every, String failingMessage, String workingMessage) {
        this.scheduler = scheduler;
        this.every = every;
        this.failingMessage = failingMessage;
        this.workingMessage = workingMessage;
    }

    /** Reads the ledger and updates the copy; tells {@link #readWorked()} or {@link #readFailed} how it went. */
    protected abstract void refresh();

    protected final void readWorked() {
        if (failing) {
            log.info(workingMessage);
            failing = false;
        }
    }

    protected final void readFailed(RuntimeException e) {
        if (!failing) {
            log.warn("{}: {}", failingMessage, e.getMessage());
            failing = true;
        }
    }

    /** Refreshes at once, then every {@code every}. */
    @Override
    public void start() {
        if (!every.isZero()) {
            refreshes = scheduler.scheduleWithFixedDelay(this::refresh, every);
        }
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = refreshes;
        if (running != null) {
            running.cancel(true);
            refreshes = null;
        }
    }

    @Override
    public boolean isRunning() {
        return refreshes != null;
    }
}
