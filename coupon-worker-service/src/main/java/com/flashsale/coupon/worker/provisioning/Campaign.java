package com.flashsale.coupon.worker.provisioning;

import com.flashsale.coupon.events.LedgerKeys.CampaignFields;
import java.time.Instant;
import java.util.Map;

/** A coupon row as the gateway needs it: what it may sell, and when. */
record Campaign(long id, String code, int quantity, String status, Instant startsAt, Instant endsAt) {

    /** The ledger's {@code campaign} hash. */
    Map<String, String> ledgerFields() {
        return CampaignFields.of(id, quantity, status, startsAt, endsAt);
    }
}
