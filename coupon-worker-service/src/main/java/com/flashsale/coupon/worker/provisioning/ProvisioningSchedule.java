package com.flashsale.coupon.worker.provisioning;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Provisions at start-up and then on a fixed delay. A failed pass is logged and left to the next
 * one: the worker must keep persisting issuances even while Redis is away.
 */
@Component
class ProvisioningSchedule {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningSchedule.class);

    private final ReferenceDataProvisioner provisioner;
    private final TaskScheduler scheduler;
    private final ProvisioningSettings settings;

    ProvisioningSchedule(ReferenceDataProvisioner provisioner, TaskScheduler scheduler, ProvisioningSettings settings) {
        this.provisioner = provisioner;
        this.scheduler = scheduler;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void provisionNowAndPeriodically() {
        provision(true);
        scheduler.scheduleWithFixedDelay(() -> provision(false), Instant.now().plus(settings.interval()),
                settings.interval());
    }

    private void provision(boolean atStartUp) {
        long started = System.nanoTime();
        try {
            ProvisioningRun run = provisioner.provisionAll();
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (atStartUp) {
                log.info("Provisioned {} campaigns and {} members into Redis in {} ms", run.campaigns(),
                        run.members(), millis);
            } else {
                log.debug("Provisioned {} campaigns and {} members into Redis in {} ms", run.campaigns(),
                        run.members(), millis);
            }
        } catch (RuntimeException e) {
            log.warn("Provisioning the Redis ledger failed; retrying in {}: {}", settings.interval(), e.toString());
        }
    }
}
