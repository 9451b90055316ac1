package com.flashsale.coupon.worker;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.worker.compensation.IssuanceRevoker;
import com.flashsale.coupon.worker.reconciliation.ReconciliationRunner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An {@link OpenWorkerStoresTest} of the worker's scripts that change the ledger, the revoke and the
 * reconciliation among them, run by the test itself: no web server, and reconciliation only when a
 * test runs it (hourly otherwise), leaving acceptances younger than 30 s to the normal path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"coupon.reconciliation.grace-period=30s", "coupon.reconciliation.interval=1h"})
public abstract class LedgerScriptsTest extends OpenWorkerStoresTest {

    protected static final LedgerKeys FLASH100 = LedgerKeys.forCoupon("FLASH100");

    @Autowired
    protected ReconciliationRunner reconciliation;

    @Autowired
    protected IssuanceRevoker revoker;
}
