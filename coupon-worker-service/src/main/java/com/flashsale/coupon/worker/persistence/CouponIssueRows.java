package com.flashsale.coupon.worker.persistence;

import com.flashsale.coupon.events.CouponIssued;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code coupon_issues}; also used by the dead-letter processor and reconciliation. */
@Repository
public class CouponIssueRows {

    // Keeps one statement under the 65,535 placeholders a prepared statement may carry.
    static final int MAX_ROWS_PER_STATEMENT = 10_000;

    // uuuu, the proleptic year: yyyy is the year of era, which writes the year -5 as 0006.
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private final JdbcClient jdbc;

    CouponIssueRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One multi-row statement per call (one round trip, one commit). A row that is already there
     * (a redelivered event) is absorbed by the unique key; unlike INSERT IGNORE, every other error,
     * such as an unknown member or coupon, still fails the statement.
     */
    public void insertAll(List<CouponIssued> events) {
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
            params.add(utcDateTime(event.acceptedAt()));
        }
        jdbc.sql(insertStatement(events.size())).params(params).update();
    }

    /**
     * DATETIME columns hold UTC. Bound as text: Connector/J takes MariaDB's reported version for
     * MySQL 5.5 and would drop the milliseconds of a temporal parameter, which reconciliation and
     * compensation compare with the Redis ledger's acceptance times.
     */
    public static String utcDateTime(Instant instant) {
        return UTC_MILLIS.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static String insertStatement(int rows) {
        return "INSERT INTO coupon_issues (coupon_id, member_id, event_id, accepted_at) VALUES "
                + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?)"))
                + " ON DUPLICATE KEY UPDATE id = id";
    }
}
