package com.flashsale.coupon.worker.campaign;

import com.flashsale.coupon.worker.persistence.UtcDateTimeText;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One row of {@code campaign_audit}; written once, never changed. */
@Entity
@Table(name = "campaign_audit")
@Immutable
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long couponId;

    private String operatorName;

    @Enumerated(EnumType.STRING)
    private AuditAction action;

    @Column(name = "before_state")
    private String before;

    @Column(name = "after_state")
    private String after;

    @Convert(converter = UtcDateTimeText.class)
    private Instant changedAt;

    protected AuditEntry() {
        // for JPA
    }

    AuditEntry(long couponId, String operatorName, AuditAction action, String before, String after, Instant changedAt) {
        this.couponId = couponId;
        this.operatorName = operatorName;
        this.action = action;
        this.before = before;
        this.after = after;
        this.changedAt = changedAt;
    }

    AuditEntryView view() {
        return new AuditEntryView(id, operatorName, action, before, after, changedAt);
    }
}
