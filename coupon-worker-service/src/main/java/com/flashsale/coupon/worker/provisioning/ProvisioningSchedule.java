package com.flashsale.coupon.worker.provisioning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Provisions at start-up and then on a fixed delay. A failed pass is logged and left to the next
 * one: the worker must keep persisting issuances even while Redis is away.
 */
@Component
record ProvisioningSchedule(ReferenceDataProvisioner provisioner, ProvisioningSettings settings) {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningSchedule.class);

    @EventListener(ApplicationReadyEvent.class)
    void provisionAtStartUp() {
        provision(true);
    }

    @Scheduled(initialDelayString = "${coupon.provisioning.interval}",
            fixedDelayString = "${coupon.provisioning.interval}")
    void provisionPeriodically() {
        provision(false);
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
