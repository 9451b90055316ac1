package com.flashsale.coupon.gateway.system;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background read on a daemon thread of its own, run at once on {@link #start()} and then with a
 * fixed delay until {@link #stop()}. Its owner is a {@code SmartLifecycle} and hands its lifecycle
 * calls on, so the task stops with the context, before the Redis connections it reads from close.
 */
public final class PeriodicTask {

    private final String threadName;
    private final Duration delay;
    private final Runnable task;
    private volatile ScheduledExecutorService scheduler;

    public PeriodicTask(String threadName, Duration delay, Runnable task) {
        this.threadName = threadName;
        this.delay = delay;
        this.task = task;
    }

    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(threadName).daemon().factory());
        scheduler.scheduleWithFixedDelay(task, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            current.shutdownNow();
            scheduler = null;
        }
    }

    public boolean isRunning() {
        return scheduler != null;
    }
}
