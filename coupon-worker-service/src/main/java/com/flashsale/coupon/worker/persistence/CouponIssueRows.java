package com.flashsale.coupon.worker.persistence;

import com.flashsale.coupon.events.CouponIssued;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code coupon_issues}. */
@Repository
class CouponIssueRows {

    // Keeps one statement under the 65,535 placeholders a prepared statement may carry.
    static final int MAX_ROWS_PER_STATEMENT = 10_000;

    private final JdbcClient jdbc;

    CouponIssueRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One multi-row statement per call (one round trip, one commit). A row that is already there
     * (a redelivered event) is absorbed by the unique key; unlike INSERT IGNORE, every other error,
     * such as an unknown member or coupon, still fails the statement.
     */
    void insertAll(List<CouponIssued> events) {
        for (int from = 0; from < events.size(); from += MAX_ROWS_PER_STATEMENT) {
            insert(events.subList(from, Math.min(from + MAX_ROWS_PER_STATEMENT, events.size())));
        }
    }

    private void insert(List<CouponIssued> events) {
        List<Object> params = new ArrayList<>(events.size() * 4);
        for (CouponIssued event : events) {
            params.add(event.couponId());
            params.add(event.memberId());
            params.add(event.eventId());
            // DATETIME columns hold UTC.
            params.add(LocalDateTime.ofInstant(event.acceptedAt(), ZoneOffset.UTC));
        }
        jdbc.sql(insertStatement(events.size())).params(params).update();
    }

    static String insertStatement(int rows) {
        return "INSERT INTO coupon_issues (coupon_id, member_id, event_id, accepted_at) VALUES "
                + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?)"))
                + " ON DUPLICATE KEY UPDATE id = id";
    }
}
