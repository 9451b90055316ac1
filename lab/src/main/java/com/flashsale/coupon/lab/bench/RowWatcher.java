package com.flashsale.coupon.lab.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches a campaign's row count in MySQL from its own connection while a load runs, and remembers
 * when the first row appeared and when the count last changed: the last change is when the last
 * row landed, however long after it the bench gets round to checking that everything settled.
 */
final class RowWatcher implements AutoCloseable {

    private static final long POLL_NANOS = 5_000_000;

    private final Connection db;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long rows = -1;
    private volatile long firstRowAtMillis;
    private volatile long lastChangeAtMillis;

    RowWatcher(String jdbcUrl, String user, String password, long couponId) throws SQLException {
        db = DriverManager.getConnection(jdbcUrl, user, password);
        String sql = "SELECT COUNT(*) FROM coupon_issues WHERE coupon_id = " + couponId;
        thread = Thread.ofPlatform().name("row-watcher").daemon().start(() -> {
            try (Statement s = db.createStatement()) {
                while (running) {
                    try (ResultSet r = s.executeQuery(sql)) {
                        r.next();
                        long now = r.getLong(1);
                        long at = System.currentTimeMillis();
                        if (now != rows) {
                            if (now > 0 && firstRowAtMillis == 0) {
                                firstRowAtMillis = at;
                            }
                            lastChangeAtMillis = at;
                            rows = now;
                        }
                    }
                    LockSupport.parkNanos(POLL_NANOS);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("watching coupon_issues failed", e);
            }
        });
    }

    long firstRowAtMillis() {
        return firstRowAtMillis;
    }

    long lastChangeAtMillis() {
        return lastChangeAtMillis;
    }

    @Override
    public void close() throws SQLException, InterruptedException {
        running = false;
        thread.join();
        db.close();
    }
}
