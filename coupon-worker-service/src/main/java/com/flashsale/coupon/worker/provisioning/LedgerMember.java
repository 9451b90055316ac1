package com.flashsale.coupon.worker.provisioning;

/** A member as the ledger's members hash holds it. */
record LedgerMember(long id, String status) {
}
