package com.flashsale.coupon.gateway.outbox;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.LedgerKeys.OutboxFields;
import io.lettuce.core.StreamMessage;
import java.time.Instant;
import java.util.Map;

/** One accepted issuance waiting in a coupon's outbox stream. */
record OutboxEntry(String couponCode, String entryId, Map<String, String> fields) {

    static OutboxEntry of(String couponCode, StreamMessage<String, String> message) {
        return new OutboxEntry(couponCode, message.getId(), message.getBody());
    }

    /** The event id is derived from the stream entry id, so every re-publish carries the same id. */
    CouponIssued toEvent() {
        return CouponIssued.of(OutboxFields.eventId(couponCode, entryId),
                Long.parseLong(fields.get(OutboxFields.COUPON_ID)), couponCode,
                Long.parseLong(fields.get(OutboxFields.MEMBER_ID)),
                Instant.ofEpochMilli(Long.parseLong(fields.get(OutboxFields.ACCEPTED_AT))));
    }
}
