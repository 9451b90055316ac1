package com.flashsale.coupon.worker.provisioning;

import com.flashsale.coupon.events.LedgerKeys.CampaignFields;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A coupon row as the gateway needs it: what it may sell, and when. */
record Campaign(long id, String code, int quantity, String status, Instant startsAt, Instant endsAt) {

    /** The ledger's {@code campaign} hash; an open-ended campaign has an empty end. */
    Map<String, String> ledgerFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(CampaignFields.ID, Long.toString(id));
        fields.put(CampaignFields.QUANTITY, Integer.toString(quantity));
        fields.put(CampaignFields.STATUS, status);
        fields.put(CampaignFields.STARTS_AT, Long.toString(startsAt.toEpochMilli()));
        fields.put(CampaignFields.ENDS_AT, endsAt == null ? "" : Long.toString(endsAt.toEpochMilli()));
        return fields;
    }
}
