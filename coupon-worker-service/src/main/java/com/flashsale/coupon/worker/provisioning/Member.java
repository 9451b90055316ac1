package com.flashsale.coupon.worker.provisioning;

/** A member's id and status: a row of the members table, a field of the ledger's members hash. */
record Member(long id, String status) {
}
