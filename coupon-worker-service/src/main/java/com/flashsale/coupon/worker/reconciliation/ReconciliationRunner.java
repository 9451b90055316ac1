package com.flashsale.coupon.worker.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Runs reconciliation on a schedule and on demand, one replica at a time: the lock lives in MySQL
 * (ShedLock), so two workers never repair the same campaign concurrently.
 */
@Service
public record ReconciliationRunner(Reconciler reconciler, LockingTaskExecutor locks, ReconciliationSettings settings) {

    private static final String LOCK = "reconciliation";

    @Scheduled(initialDelayString = "${coupon.reconciliation.interval:5m}",
            fixedDelayString = "${coupon.reconciliation.interval:5m}")
    void scheduled() {
        runNow();
    }

    /** Empty when another replica is reconciling right now. */
    public Optional<ReconciliationReport> runNow() {
        try {
            TaskResult<ReconciliationReport> result = locks.executeWithLock(reconciler::reconcileAll,
                    new LockConfiguration(Instant.now(), LOCK, settings.lockAtMostFor(), Duration.ZERO));
            return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
