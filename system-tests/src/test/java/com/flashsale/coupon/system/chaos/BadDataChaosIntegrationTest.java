package com.flashsale.coupon.system.chaos;

import org.junit.jupiter.api.Test;

/** Drills with bad data instead of dead processes: poison and unpersistable records, a damaged ledger. */
@ChaosDrills
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
