package com.flashsale.coupon.cli.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The bench's members in the running system's MySQL: ids {@code FIRST..FIRST+count-1}, all active,
 * added next to the seed's 500 (ids 1-501) and removed again at the end, so the periodic
 * provisioning of the system goes back to its usual size.
 */
final class BenchMembers {

    static final long FIRST = 1001;
    private static final int ROWS_PER_STATEMENT = 5_000;

    private BenchMembers() {
    }

    /** Inserts what is missing; returns how many rows were inserted. */
    static long ensure(Connection db, long count) throws SQLException {
        long last = FIRST + count - 1;
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM members WHERE id BETWEEN " + FIRST + " AND " + last)) {
            r.next();
            if (r.getLong(1) == count) {
                return 0;
            }
        }
        long inserted = 0;
        try (Statement s = db.createStatement()) {
            for (long from = FIRST; from <= last; from += ROWS_PER_STATEMENT) {
                StringBuilder sql = new StringBuilder("INSERT INTO members (id, name, email, status) VALUES ");
                long to = Math.min(last, from + ROWS_PER_STATEMENT - 1);
                for (long id = from; id <= to; id++) {
                    if (id > from) {
                        sql.append(',');
                    }
                    sql.append("(").append(id).append(",'Bench member ").append(id).append("','bench-member-")
                            .append(id).append("@example.com','ACTIVE')");
                }
                sql.append(" ON DUPLICATE KEY UPDATE status = 'ACTIVE'");
                inserted += s.executeUpdate(sql.toString());
            }
        }
        return inserted;
    }

    /** Only once no coupon_issues row refers to them (after a reset). */
    static long remove(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            return s.executeUpdate("DELETE FROM members WHERE email LIKE 'bench-member-%@example.com' AND id >= " + FIRST);
        }
    }
}
