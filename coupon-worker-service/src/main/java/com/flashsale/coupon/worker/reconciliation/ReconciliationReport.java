package com.flashsale.coupon.worker.reconciliation;

/**
 * What one reconciliation run found and repaired, over every campaign.
 *
 * @param persistedFromRedis accepted in Redis past the grace period but missing in MySQL: persisted
 * @param revoked accepted in Redis but impossible to persist (e.g. the member no longer exists): revoked
 * @param restoredToRedis rows in MySQL the Redis ledger had lost: put back
 * @param stockCorrected campaigns whose stock did not equal quantity minus issued: corrected
 */
public record ReconciliationReport(int campaigns, int persistedFromRedis, int revoked, int restoredToRedis,
        int stockCorrected) {

    static final ReconciliationReport NOTHING = new ReconciliationReport(0, 0, 0, 0, 0);

    ReconciliationReport plus(ReconciliationReport other) {
        return new ReconciliationReport(campaigns + other.campaigns, persistedFromRedis + other.persistedFromRedis,
                revoked + other.revoked, restoredToRedis + other.restoredToRedis, stockCorrected + other.stockCorrected);
    }

    int repairs() {
        return persistedFromRedis + revoked + restoredToRedis + stockCorrected;
    }
}
