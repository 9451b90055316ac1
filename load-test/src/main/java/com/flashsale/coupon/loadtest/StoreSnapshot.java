package com.flashsale.coupon.loadtest;

/**
 * One coupon as the stores hold it at one moment. {@code redisStock} is -1 when the stock key is
 * missing (the ledger was never provisioned).
 */
record StoreSnapshot(long couponId, long quantity, long redisStock, long redisIssued, long outboxBacklog,
        long rows, long distinctMembers, long failedRows) {

    /**
     * Nothing is in flight: the outbox is drained and every member Redis accepted is a MySQL row (or,
     * after a permanent failure, a failed row whose compensation removed it from Redis).
     */
    boolean settled() {
        return outboxBacklog == 0 && rows == redisIssued;
    }
}
