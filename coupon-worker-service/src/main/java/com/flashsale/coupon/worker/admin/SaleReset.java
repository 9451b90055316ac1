package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.worker.provisioning.ProvisioningRun;
import com.flashsale.coupon.worker.provisioning.ReferenceDataProvisioner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Resets the sale: brings MySQL and Redis back to the state before it, together, so a load-test run
 * starts from full stock and no issuances. Coupons and members themselves are kept.
 */
@Service
class SaleReset {

    private final JdbcClient jdbc;
    private final ReferenceDataProvisioner provisioner;

    SaleReset(JdbcClient jdbc, ReferenceDataProvisioner provisioner) {
        this.jdbc = jdbc;
        this.provisioner = provisioner;
    }

    ResetReport reset() {
        int issues = jdbc.sql("DELETE FROM coupon_issues").update();
        int failed = jdbc.sql("DELETE FROM failed_coupon_issues").update();
        ProvisioningRun run = provisioner.rebuild();
        return new ResetReport(issues, failed, run.deletedKeys(), run.campaigns(), run.members());
    }
}
