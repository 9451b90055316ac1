package com.flashsale.coupon.worker.campaign;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The instants a campaign's window may name. The columns are {@code DATETIME(3)}, which holds no year
 * past 9999 (MySQL refuses the row) nor before 1000, and the ledger holds epoch milliseconds, which the
 * gateway compares with its clock: no campaign needs a time before 1970. Times are kept to the
 * millisecond, so the last millisecond of 9999 is the latest.
 */
public final class CampaignTimes {

    private static final String FIRST = "1970-01-01T00:00:00Z";
    private static final String LAST = "9999-12-31T23:59:59.999Z";

    public static final Instant EARLIEST = Instant.parse(FIRST);
    public static final Instant LATEST = Instant.parse(LAST);
    /** A constant, so the API's constraint can name it as its message. */
    public static final String RANGE = "must be between " + FIRST + " and " + LAST;

    private CampaignTimes() {
    }

    /** Null holds: an absent end means no end. */
    public static boolean holds(Instant instant) {
        if (instant == null) {
            return true;
        }
        Instant kept = instant.truncatedTo(ChronoUnit.MILLIS);
        return !kept.isBefore(EARLIEST) && !kept.isAfter(LATEST);
    }
}
