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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A coupon campaign, a row of {@code coupons}: what it sells, when, and whether it sells now. It guards
 * its own transitions: every change either applies whole or is refused with a {@link CampaignRefusal},
 * and the methods answer whether anything changed, so a repeated request changes nothing twice.
 * {@code @Version} is the optimistic lock that keeps two operators from overwriting each other.
 */
@Entity
@Table(name = "coupons")
// Only the changed columns are written: a pause must not rewrite the window it did not touch.
@DynamicUpdate
public class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    private int quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CampaignStatus status;

    @Convert(converter = UtcDateTimeText.class)
    @Column(nullable = false)
    private Instant startsAt;

    @Convert(converter = UtcDateTimeText.class)
    private Instant endsAt;

    @Version
    private long version;

    @Convert(converter = UtcDateTimeText.class)
    @Column(updatable = false)
    private Instant createdAt;

    protected Campaign() {
        // for JPA
    }

    private Campaign(String code, String name, int quantity, Instant startsAt, Instant endsAt, Instant now) {
        this.code = code;
        this.name = name;
        this.quantity = quantity;
        this.status = CampaignStatus.ACTIVE;
        this.startsAt = millis(startsAt);
        this.endsAt = millis(endsAt);
        this.createdAt = millis(now);
        requireOrderedWindow(this.startsAt, this.endsAt);
    }

    /** A new campaign sells as soon as its window opens: it starts {@code ACTIVE}. */
    static Campaign open(String code, String name, int quantity, Instant startsAt, Instant endsAt, Instant now) {
        return new Campaign(code, name, quantity, startsAt, endsAt, now);
    }

    /** Never below what was issued: the stock would go negative and issued exceed the quantity. */
    boolean changeQuantity(int newQuantity, long issued) {
        requireNotEnded();
        if (newQuantity < issued) {
            throw new CampaignRefusal(CampaignRefusal.Reason.BELOW_ISSUED,
                    "campaign " + code + " has issued " + issued + " coupons: its quantity cannot go below that");
        }
        return setQuantity(newQuantity);
    }

    /**
     * The seed's stock init, which load tests and benchmarks call to set up a run: a change of quantity
     * like any other, never below what was issued, or the stock would go negative and stay so (neither
     * provisioning nor reconciliation may give back what was issued). A run that needs fewer coupons than
     * the last one sold resets the sale first.
     */
    boolean initStock(int newQuantity, long issued) {
        return changeQuantity(newQuantity, issued);
    }

    /** Before the sale starts the whole window may move; once it has, only its end. */
    boolean moveWindow(Instant newStart, Instant newEnd, Instant now) {
        requireNotEnded();
        Instant start = millis(newStart);
        Instant end = millis(newEnd);
        requireOrderedWindow(start, end);
        if (!start.equals(startsAt) && !now.isBefore(startsAt)) {
            throw new CampaignRefusal(CampaignRefusal.Reason.SALE_STARTED, "campaign " + code + " started selling at "
                    + startsAt + ": its start can no longer move, only its end");
        }
        boolean changed = !start.equals(startsAt) || !Objects.equals(end, endsAt);
        startsAt = start;
        endsAt = end;
        return changed;
    }

    boolean pause() {
        requireNotEnded();
        return moveTo(CampaignStatus.PAUSED);
    }

    boolean resume() {
        requireNotEnded();
        return moveTo(CampaignStatus.ACTIVE);
    }

    /** Final: nothing changes an ended campaign any more, and ending it again changes nothing. */
    boolean end() {
        return moveTo(CampaignStatus.ENDED);
    }

    /** Refuses when the caller's version is not this one: someone else changed the campaign meanwhile. */
    void requireVersion(Long expected) {
        if (expected != null && expected != version) {
            throw CampaignRefusal.staleVersion(code, version, expected);
        }
    }

    /** Id 0 until the campaign is saved. */
    CampaignView view() {
        return new CampaignView(id == null ? 0 : id, code, name, quantity, status, startsAt, endsAt, version, null);
    }

    Long id() {
        return id;
    }

    String code() {
        return code;
    }

    private boolean setQuantity(int newQuantity) {
        boolean changed = newQuantity != quantity;
        quantity = newQuantity;
        return changed;
    }

    private boolean moveTo(CampaignStatus target) {
        boolean changed = status != target;
        status = target;
        return changed;
    }

    private void requireNotEnded() {
        if (status == CampaignStatus.ENDED) {
            throw new CampaignRefusal(CampaignRefusal.Reason.ENDED,
                    "campaign " + code + " has ended: an ended campaign cannot change any more");
        }
    }

    private void requireOrderedWindow(Instant start, Instant end) {
        requireStorable("startsAt", start);
        requireStorable("endsAt", end);
        if (end != null && !end.isAfter(start)) {
            throw new CampaignRefusal(CampaignRefusal.Reason.INVALID_WINDOW,
                    "endsAt (" + end + ") must be after startsAt (" + start + ")");
        }
    }

    // The API refuses such times already; here for every other caller, before the row is written.
    private static void requireStorable(String field, Instant instant) {
        if (!CampaignTimes.holds(instant)) {
            throw new CampaignRefusal(CampaignRefusal.Reason.INVALID_WINDOW,
                    field + ": " + CampaignTimes.RANGE + ", not " + instant);
        }
    }

    // The columns hold milliseconds, as the ledger does.
    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
