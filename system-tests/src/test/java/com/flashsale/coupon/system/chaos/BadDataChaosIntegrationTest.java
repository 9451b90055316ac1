package com.flashsale.coupon.system.chaos;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Drills with bad data instead of dead processes: poison and unpersistable records, a damaged ledger. */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class BadDataChaosIntegrationTest {

    @Test
    void poisonAndPermanentlyFailingRecordsAreDeadLetteredAndRevokedDuringTheSale() throws Exception {
        ChaosRun.drill("poison + permanent failure", new PoisonAndPermanentFailure());
    }

    @Test
    void ledgerDamagedMidSaleIsRepairedByReconciliation() throws Exception {
        ChaosRun.drill("ledger damaged, reconciled", new LedgerDamage());
    }
}
