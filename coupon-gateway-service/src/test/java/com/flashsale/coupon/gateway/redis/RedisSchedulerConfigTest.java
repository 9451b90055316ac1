package com.flashsale.coupon.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** What the periodic work around Redis relies on from its scheduler. */
class RedisSchedulerConfigTest {

    @Test
    void aTaskThatThrowsKeepsItsSchedule() {
        ThreadPoolTaskScheduler scheduler = RedisSchedulerConfig.newScheduler();
        scheduler.initialize();
        AtomicInteger runs = new AtomicInteger();
        try {
            scheduler.scheduleWithFixedDelay(() -> {
                if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("the first run fails");
                }
            }, Duration.ofMillis(10));

            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        } finally {
            scheduler.shutdown();
        }
    }

    @Test
    void keepsRunningTasksUntilTheBeansThatScheduledThemAreDestroyed() {
        Sweeper sweeper;
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.register(RedisSchedulerConfig.class, Sweeper.class);
            context.refresh();
            sweeper = context.getBean(Sweeper.class);
        }

        assertThat(sweeper.ranWhileBeingDestroyed).isTrue();
    }

    /** Like {@link RedisConnections} and its deadline sweep: stops its task itself when it is destroyed. */
    static class Sweeper implements DisposableBean {

        private final AtomicInteger runs = new AtomicInteger();
        private final ScheduledFuture<?> sweeps;
        volatile boolean ranWhileBeingDestroyed;

        Sweeper(@Qualifier(RedisSchedulerConfig.SCHEDULER) TaskScheduler scheduler) {
            sweeps = scheduler.scheduleWithFixedDelay(runs::incrementAndGet, Duration.ofMillis(5));
        }

        @Override
        public void destroy() {
            int before = runs.get();
            try {
                await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() > before);
                ranWhileBeingDestroyed = true;
            } catch (ConditionTimeoutException stopped) {
                ranWhileBeingDestroyed = false;
            }
            sweeps.cancel(false);
        }
    }
}
