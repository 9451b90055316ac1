package com.flashsale.coupon.worker.campaign;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code campaign_audit}: who did what to a campaign, with its state before and after as JSON.
 * Called inside the transaction of the change, so a change and its entry are written together or not
 * at all.
 */
@Component
public record AuditTrail(AuditEntries entries, JsonMapper json) {

    /** {@code before} and {@code after} are written as JSON; {@code before} may be null (a creation). */
    public void record(long couponId, String operator, AuditAction action, Object before, Object after) {
        entries.save(new AuditEntry(couponId, operator, action, before == null ? null : json.writeValueAsString(before),
                json.writeValueAsString(after), Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    Page<AuditEntryView> of(long couponId, int page, int size) {
        return entries.findByCouponId(couponId, PageRequest.of(page, size, Sort.by("id").descending()))
                .map(AuditEntry::view);
    }
}
