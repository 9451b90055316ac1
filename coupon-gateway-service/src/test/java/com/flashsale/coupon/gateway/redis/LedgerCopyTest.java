package com.flashsale.coupon.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

@ExtendWith(OutputCaptureExtension.class)
class LedgerCopyTest {

    private final ThreadPoolTaskScheduler scheduler = RedisSchedulerConfig.newScheduler();

    LedgerCopyTest() {
        scheduler.initialize();
    }

    @AfterEach
    void shutDown() {
        scheduler.shutdown();
    }

    @Test
    void refreshesFromItsStartUntilItStops() {
        Counting copy = new Counting(Duration.ofMillis(10));

        copy.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> copy.refreshes.get() >= 3);
        copy.stop();
        int afterStop = copy.refreshes.get();

        assertThat(copy.isRunning()).isFalse();
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1))
                .until(() -> copy.refreshes.get() <= afterStop + 1);
    }

    @Test
    void anIntervalOfZeroNeverRefreshes() {
        Counting copy = new Counting(Duration.ZERO);

        copy.start();

        assertThat(copy.isRunning()).isFalse();
        assertThat(copy.refreshes).hasValue(0);
    }

    @Test
    void logsWhenReadsStartFailingAndWhenTheyWorkAgainOnceEach(CapturedOutput output) {
        Counting copy = new Counting(Duration.ZERO);

        copy.readWorked();
        copy.readFailed(new IllegalStateException("Redis is down"));
        copy.readFailed(new IllegalStateException("Redis is still down"));
        copy.readWorked();
        copy.readWorked();

        assertThat(output.getOut().lines().filter(line -> line.contains("Cannot read the copy")))
                .singleElement().asString().contains("Cannot read the copy: Redis is down");
        assertThat(output.getOut().lines().filter(line -> line.contains("The copy is readable again"))).hasSize(1);
    }

    private final class Counting extends LedgerCopy {

        final AtomicInteger refreshes = new AtomicInteger();

        Counting(Duration every) {
            super(scheduler, every, "Cannot read the copy", "The copy is readable again");
        }

        @Override
        protected void refresh() {
            refreshes.incrementAndGet();
        }
    }
}
