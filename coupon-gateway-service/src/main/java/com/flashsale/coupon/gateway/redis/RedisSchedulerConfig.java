package com.flashsale.coupon.gateway.redis;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The scheduler of the gateway's periodic work around Redis: the command-deadline sweep (every
 * {@link CommandDeadlines#SWEEP_EVERY}), the member mirror's refresh, the stock and outbox gauges, and
 * the confirmation of sold-out campaigns' copies.
 * A task that throws is logged by the scheduler and runs again at its next turn.
 *
 * <p>A small pool of its own rather than the scheduler Boot configures (only with
 * {@code @EnableScheduling}; with virtual threads on, a {@code SimpleAsyncTaskScheduler}):
 * <ul>
 * <li>Boot's scheduler shuts down as soon as the context starts closing, while the web server still
 * drains the requests in flight. Those requests wait for Redis without a timer of their own
 * ({@link CommandDeadlines}) and need the sweep until {@link RedisConnections} closes: this one
 * shuts down late, when the context destroys it, after the connections (which depend on it). The
 * periodic reads stop before that, with their owners' lifecycle.</li>
 * <li>Boot's runs every fixed-delay task on one shared thread, so a re-read of 200,000 members (a
 * few hundred milliseconds) would hold up the 50 ms sweep. Here each task has a platform thread of
 * its own, as the reads' synchronous Lettuce waits are best off on platform threads.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class RedisSchedulerConfig {

    /** The bean's name, for injection by qualifier: it is not meant as the application's general scheduler. */
    public static final String SCHEDULER = "redisScheduler";

    /**
     * The sweep, the member mirror, the gauges and the sold-out copies: one thread each, so a slow
     * read of one (a re-read of the members, a large sold-out campaign) never delays the sweep or
     * lets the sold-out copies' leases run out.
     */
    private static final int TASKS = 4;

    @Bean(SCHEDULER)
    ThreadPoolTaskScheduler redisScheduler() {
        return newScheduler();
    }

    /** Also for tests that build {@link RedisConnections} outside a context; call {@code initialize()} first. */
    public static ThreadPoolTaskScheduler newScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(TASKS);
        scheduler.setThreadNamePrefix("redis-periodic-");
        scheduler.setDaemon(true);
        // Late shutdown: no early stop when the context closes, only on destruction (see above).
        scheduler.setAcceptTasksAfterContextClose(true);
        return scheduler;
    }
}
