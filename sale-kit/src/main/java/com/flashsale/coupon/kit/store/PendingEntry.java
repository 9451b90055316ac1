package com.flashsale.coupon.kit.store;

/**
 * One outbox entry a relay has read and Kafka has not acknowledged yet: pending in the relays'
 * consumer group.
 *
 * @param entryId the stream entry's id, from which the published event's id is derived
 * @param memberId the member the accepted issuance names
 */
public record PendingEntry(String entryId, long memberId) {
}
