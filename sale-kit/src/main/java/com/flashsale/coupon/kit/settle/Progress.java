package com.flashsale.coupon.kit.settle;

import com.flashsale.coupon.kit.store.StoreCounts;
import java.time.Duration;

/** What a settle sees while it waits: the counts, the other pending work, how long they have been quiet. */
public record Progress(Duration elapsed, StoreCounts counts, long pending, Duration quietFor, String failure) {

    /** One line for an operator: "3.0 s: outbox 0, Redis issued 100, MySQL rows 87, failed 0, quiet 0.4 s". */
    public String line() {
        String at = String.format(java.util.Locale.ROOT, "%5.1f s: ", elapsed.toMillis() / 1000.0);
        if (counts == null) {
            return at + "stores not readable: " + failure;
        }
        return at + String.format(java.util.Locale.ROOT,
                "outbox %d, Redis stock %d issued %d, MySQL rows %d failed %d%s, quiet %.1f s%s",
                counts.outboxBacklog(), counts.stock(), counts.redisIssued(), counts.rows(), counts.failedRows(),
                pending > 0 ? ", pending " + pending : "", quietFor.toMillis() / 1000.0,
                failure == null ? "" : " (last read failed: " + failure + ")");
    }
}
