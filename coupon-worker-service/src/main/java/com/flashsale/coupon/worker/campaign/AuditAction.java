package com.flashsale.coupon.worker.campaign;

/** What an operator did, as the audit trail names it. */
public enum AuditAction {
    CREATED, QUANTITY_CHANGED, STOCK_INITIALISED, WINDOW_MOVED, PAUSED, RESUMED, ENDED, ISSUANCE_REPLAYED
}
