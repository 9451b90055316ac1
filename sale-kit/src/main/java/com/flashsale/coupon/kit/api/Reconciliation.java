package com.flashsale.coupon.kit.api;

/**
 * What one reconciliation run repaired, over every campaign.
 *
 * @param persistedFromRedis accepted in Redis past the grace period but missing in MySQL: persisted
 * @param revoked accepted in Redis but impossible to persist: revoked
 * @param restoredToRedis rows in MySQL the Redis ledger had lost: put back
 * @param stockCorrected campaigns whose stock did not equal quantity minus issued: corrected
 */
public record Reconciliation(int campaigns, int persistedFromRedis, int revoked, int restoredToRedis,
        int stockCorrected) {

    public static final Reconciliation NONE = new Reconciliation(0, 0, 0, 0, 0);

    public int repairs() {
        return persistedFromRedis + revoked + restoredToRedis + stockCorrected;
    }

    public Reconciliation plus(Reconciliation other) {
        return new Reconciliation(campaigns + other.campaigns, persistedFromRedis + other.persistedFromRedis,
                revoked + other.revoked, restoredToRedis + other.restoredToRedis, stockCorrected + other.stockCorrected);
    }
}
