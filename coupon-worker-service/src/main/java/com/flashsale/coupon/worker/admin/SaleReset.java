package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.worker.provisioning.ProvisioningRun;
import com.flashsale.coupon.worker.provisioning.ReferenceDataProvisioner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Resets the sale: brings MySQL and Redis back to the state before it, together, so a load-test run
 * starts from full stock and no issuances. Coupons and members themselves are kept. It answers only
 * once gateways can no longer answer from copies of the old ledger ({@link ResetSettings#settle()}).
 */
@Service
record SaleReset(JdbcClient jdbc, ReferenceDataProvisioner provisioner, ResetSettings settings) {

    ResetReport reset() {
        int issues = jdbc.sql("DELETE FROM coupon_issues").update();
        int failed = jdbc.sql("DELETE FROM failed_coupon_issues").update();
        ProvisioningRun run = provisioner.rebuild();
        awaitGateways();
        return new ResetReport(issues, failed, run.deletedKeys(), run.campaigns(), run.members());
    }

    /**
     * The rebuild moved every coupon's version; a gateway holding a campaign as sold out drops its
     * copy within its {@code coupon.sold-out.refresh}. The worker cannot see the gateways, so it
     * waits that bound: a run started after the answer is not refused from the old ledger.
     */
    private void awaitGateways() {
        try {
            Thread.sleep(settings.settle());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
