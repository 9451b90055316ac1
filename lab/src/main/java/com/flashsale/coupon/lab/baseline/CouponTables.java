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

    /**
     * One attempt as one transaction: read the stock with {@code readStock}, refuse a holder or an
     * empty stock, else record the issue and take one from the stock. What keeps it correct under
     * concurrency is the caller's: the row lock of {@code SELECT ... FOR UPDATE}, or a lock around it.
     */
    static Answer issueOne(Connection c, long memberId, String readStock) throws SQLException {
        try {
            int stock;
            try (PreparedStatement read = c.prepareStatement(readStock)) {
                read.setLong(1, COUPON_ID);
                try (ResultSet r = read.executeQuery()) {
                    r.next();
                    stock = r.getInt(1);
                }
            }
            if (holds(c, memberId)) {
                c.rollback();
                return Answer.DUPLICATE;
            }
            if (stock <= 0) {
                c.rollback();
                return Answer.SOLD_OUT;
            }
            insertIssue(c, memberId);
            try (PreparedStatement take = c.prepareStatement("UPDATE lab_coupons SET stock = stock - 1 WHERE id = ?")) {
                take.setLong(1, COUPON_ID);
                take.executeUpdate();
            }
            c.commit();
            return Answer.ISSUED;
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw e;
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
