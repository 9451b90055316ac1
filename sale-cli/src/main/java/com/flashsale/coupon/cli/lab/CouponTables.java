package com.flashsale.coupon.cli.lab;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.store.SaleState;
import com.flashsale.coupon.kit.store.StoreCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

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

    /**
     * The coupon row's stock and the issue rows. Here one table both decides and records, so the
     * "ledger's" holders are the rows' members: what is checked is that stock and rows add up.
     */
    SaleState state(int quantity) throws SQLException {
        Map<Long, Long> rowsPerMember = new HashMap<>();
        long stock;
        try (Connection c = servers.jdbc(); Statement s = c.createStatement()) {
            try (ResultSet issues = s.executeQuery("SELECT member_id, COUNT(*) FROM lab_coupon_issues WHERE coupon_id = "
                    + COUPON_ID + " GROUP BY member_id")) {
                while (issues.next()) {
                    rowsPerMember.put(issues.getLong(1), issues.getLong(2));
                }
            }
            try (ResultSet coupon = s.executeQuery("SELECT stock FROM lab_coupons WHERE id = " + COUPON_ID)) {
                coupon.next();
                stock = coupon.getLong(1);
            }
        }
        long rows = rowsPerMember.values().stream().mapToLong(Long::longValue).sum();
        Map<Long, Long> holders = new HashMap<>();
        rowsPerMember.keySet().forEach(member -> holders.put(member, 0L));
        return new SaleState(Baseline.COUPON, new StoreCounts(COUPON_ID, quantity, quantity, stock, holders.size(), 0,
                rows, 0), holders, holders.keySet(), Map.of(),
                rowsPerMember.values().stream().filter(n -> n > 1).count());
    }

    /** A client on a connection of its own, in manual commit mode: one attempt, one transaction. */
    Baseline.Client client(Attempt attempt) throws SQLException {
        Connection c = servers.jdbc();
        c.setAutoCommit(false);
        return new Baseline.Client() {
            @Override
            public Outcome attempt(long memberId) throws Exception {
                return attempt.attempt(c, memberId);
            }

            @Override
            public void close() throws SQLException {
                c.close();
            }
        };
    }

    /** One attempt on the client's connection. */
    @FunctionalInterface
    interface Attempt {
        Outcome attempt(Connection c, long memberId) throws Exception;
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
    static Outcome issueOne(Connection c, long memberId, String readStock) throws SQLException {
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
                return Outcome.DUPLICATE;
            }
            if (stock <= 0) {
                c.rollback();
                return Outcome.SOLD_OUT;
            }
            insertIssue(c, memberId);
            try (PreparedStatement take = c.prepareStatement("UPDATE lab_coupons SET stock = stock - 1 WHERE id = ?")) {
                take.setLong(1, COUPON_ID);
                take.executeUpdate();
            }
            c.commit();
            return Outcome.ISSUED;
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
