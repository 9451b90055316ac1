package com.flashsale.coupon.worker.issuance;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.worker.persistence.UtcDateTimeText;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A row of {@code failed_coupon_issues}: an accepted issuance that could not be persisted, and what
 * replaying it did. Rows are created by the revocation (plain JDBC, see IssuanceRevoker); a replay
 * closes or annotates them here.
 */
@Entity
@Table(name = "failed_coupon_issues")
@DynamicUpdate
public class FailedIssuance extends IssuanceRow {

    private static final int MAX_REASON = 1000;

    private String reason;

    @Enumerated(EnumType.STRING)
    private FailureStatus status;

    private int replayAttempts;

    @Convert(converter = UtcDateTimeText.class)
    private Instant replayedAt;

    private String replayedBy;

    protected FailedIssuance() {
        // for JPA
    }

    public FailureStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /**
     * The acceptance as an event, for persisting it or taking it back in the ledger. Rows written
     * before acceptance times were kept have none: such a row cannot be matched with the ledger.
     */
    public CouponIssued acceptance(String couponCode) {
        return CouponIssued.of(eventId(), couponId(), couponCode, memberId(), acceptedAt());
    }

    public boolean hasAcceptanceTime() {
        return acceptedAt() != null;
    }

    /** Persisted: the reason keeps why it had failed. */
    public void replayed(String operator) {
        attempted(operator);
        status = FailureStatus.REPLAYED;
        reason = truncate("persisted by a replay; it had failed: " + reason);
    }

    public void superseded(String operator, String why) {
        attempted(operator);
        status = FailureStatus.SUPERSEDED;
        reason = truncate(why);
    }

    /** Still failed: keeps its status and takes the new reason. */
    public void stillFailed(String operator, String why) {
        attempted(operator);
        reason = truncate(why);
    }

    public FailedIssuanceView view() {
        return new FailedIssuanceView(id(), memberId(), eventId(), acceptedAt(), createdAt(), status, reason, replayAttempts,
                replayedAt, replayedBy);
    }

    private void attempted(String operator) {
        replayAttempts++;
        replayedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        replayedBy = operator;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }
}
