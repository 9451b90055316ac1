package com.flashsale.coupon.system.chaos;

import com.flashsale.coupon.system.SaleEnvironment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The test's read of the drill's database: who holds a coupon, what failed, and the members it sells to. */
final class MySqlView {

    static final long COUPON_ID = 2;
    private static final int INSERT_CHUNK = 1_000;

    private final SaleEnvironment environment;

    MySqlView(SaleEnvironment environment) {
        this.environment = environment;
    }

    void insertActiveMembers(List<Long> ids) throws SQLException {
        try (Connection connection = environment.connect()) {
            for (int from = 0; from < ids.size(); from += INSERT_CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(from + INSERT_CHUNK, ids.size()));
                String sql = "INSERT INTO members (id, name, email, status) VALUES "
                        + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, 'ACTIVE')"));
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    int p = 1;
                    for (long id : chunk) {
                        insert.setLong(p++, id);
                        insert.setString(p++, "Drill member " + id);
                        insert.setString(p++, "drill" + id + "@example.com");
                    }
                    insert.executeUpdate();
                }
            }
        }
    }

    long rows() {
        return environment.issuedRows(COUPON_ID);
    }

    long rows(long couponId) {
        return environment.issuedRows(couponId);
    }

    long failedRows() {
        return environment.failedRows();
    }

    Set<Long> holders() throws SQLException {
        Set<Long> holders = new HashSet<>();
        query("SELECT member_id FROM coupon_issues WHERE coupon_id = " + COUPON_ID, rs -> holders.add(rs.getLong(1)));
        return holders;
    }

    /** Member id to the reason of its failure row(s). */
    Map<Long, String> failures() throws SQLException {
        Map<Long, String> failures = new HashMap<>();
        query("SELECT member_id, reason FROM failed_coupon_issues", rs -> failures.put(rs.getLong(1), rs.getString(2)));
        return failures;
    }

    /** Members holding more than one row of the coupon (the unique key should make this impossible). */
    long duplicateHolders() {
        return environment.count("SELECT COUNT(*) FROM (SELECT member_id FROM coupon_issues WHERE coupon_id = ?"
                + " GROUP BY member_id HAVING COUNT(*) > 1) d", COUPON_ID);
    }

    /** The first holders to have been accepted. */
    List<Long> oldestHolders(int limit) throws SQLException {
        List<Long> members = new ArrayList<>();
        query("SELECT member_id FROM coupon_issues WHERE coupon_id = " + COUPON_ID + " ORDER BY accepted_at, member_id LIMIT "
                + limit, rs -> members.add(rs.getLong(1)));
        return members;
    }

    int deleteRows(Set<Long> members) throws SQLException {
        if (members.isEmpty()) {
            return 0;
        }
        try (Connection connection = environment.connect();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM coupon_issues WHERE coupon_id = "
                        + COUPON_ID + " AND member_id IN (" + String.join(",", Collections.nCopies(members.size(), "?")) + ")")) {
            int p = 1;
            for (long member : members) {
                delete.setLong(p++, member);
            }
            return delete.executeUpdate();
        }
    }

    private void query(String sql, RowConsumer row) throws SQLException {
        try (Connection connection = environment.connect();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }
}
