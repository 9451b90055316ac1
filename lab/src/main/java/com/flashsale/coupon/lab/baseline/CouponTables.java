package com.flashsale.coupon.lab.baseline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The lab's coupon row and issue rows, shared by the three baselines that decide in the database. */
final class CouponTables {

    static final long COUPON_ID = 1;

    private final LabServers servers;

    CouponTables(LabServers servers) {
        this.servers = servers;
    }

    void reset(int stock) throws SQLException {
        servers.createSchema();
        try (Connection c = servers.jdbc(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM lab_coupon_issues");
            s.execute("DELETE FROM lab_coupons");
            s.execute("INSERT INTO lab_coupons (id, stock, version) VALUES (" + COUPON_ID + ", " + stock + ", 0)");
        }
    }

    Baseline.StoreState state() throws SQLException {
        try (Connection c = servers.jdbc(); Statement s = c.createStatement();
                ResultSet issues = s.executeQuery(
                        "SELECT COUNT(*), COUNT(DISTINCT member_id) FROM lab_coupon_issues WHERE coupon_id = " + COUPON_ID)) {
            issues.next();
            long rows = issues.getLong(1);
            long holders = issues.getLong(2);
            try (ResultSet coupon = s.executeQuery("SELECT stock FROM lab_coupons WHERE id = " + COUPON_ID)) {
                coupon.next();
                return new Baseline.StoreState(holders, rows, coupon.getLong(1));
            }
        }
    }

    static boolean holds(Connection c, long memberId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM lab_coupon_issues WHERE coupon_id = ? AND member_id = ?")) {
            s.setLong(1, COUPON_ID);
            s.setLong(2, memberId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    static void insertIssue(Connection c, long memberId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO lab_coupon_issues (coupon_id, member_id) VALUES (?, ?)")) {
            s.setLong(1, COUPON_ID);
            s.setLong(2, memberId);
            s.executeUpdate();
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the attempt is already counted as failed.
        }
    }
}
