package com.flashsale.coupon.loadtest;

import com.flashsale.coupon.events.LedgerKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the stores directly rather than through the services' own endpoints: the check must not
 * trust the code it checks. Keys come from the shared ledger contract.
 */
final class StoreProbe implements AutoCloseable {

    private final StoreSettings settings;
    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> redisConnection;
    private final RedisCommands<String, String> redis;

    StoreProbe(StoreSettings settings) {
        this.settings = settings;
        RedisURI.Builder uri = RedisURI.builder().withHost(settings.redisHost()).withPort(settings.redisPort())
                .withDatabase(settings.redisDatabase()).withTimeout(Duration.ofSeconds(5));
        if (!settings.redisPassword().isBlank()) {
            uri.withPassword(settings.redisPassword().toCharArray());
        }
        this.redisClient = RedisClient.create(uri.build());
        try {
            this.redisConnection = redisClient.connect();
        } catch (RuntimeException e) {
            redisClient.shutdown();
            throw new LoadTestException("cannot reach Redis at " + settings.redisHost() + ":" + settings.redisPort()
                    + ": " + e.getMessage(), e);
        }
        this.redis = redisConnection.sync();
    }

    StoreSnapshot read(String couponCode) {
        LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
        try (Connection db = connect()) {
            long[] coupon = coupon(db, couponCode);
            long couponId = coupon[0];
            String stock = redis.get(keys.stock());
            return new StoreSnapshot(couponId, coupon[1], stock == null ? -1 : Long.parseLong(stock),
                    redis.zcard(keys.issued()), redis.xlen(keys.outbox()),
                    count(db, "SELECT COUNT(*) FROM coupon_issues WHERE coupon_id = ?", couponId),
                    count(db, "SELECT COUNT(DISTINCT member_id) FROM coupon_issues WHERE coupon_id = ?", couponId),
                    count(db, "SELECT COUNT(*) FROM failed_coupon_issues WHERE coupon_id = ?", couponId));
        } catch (SQLException e) {
            throw new LoadTestException("cannot read MySQL at " + settings.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    /** Members holding a row for the coupon: every 200 answer must be one of them. */
    Set<Long> persistedMembers(long couponId) {
        Set<Long> members = new HashSet<>();
        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement("SELECT member_id FROM coupon_issues WHERE coupon_id = ?")) {
            query.setLong(1, couponId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    members.add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new LoadTestException("cannot read MySQL at " + settings.jdbcUrl() + ": " + e.getMessage(), e);
        }
        return members;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.mysqlUser(), settings.mysqlPassword());
    }

    private static long[] coupon(Connection db, String couponCode) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT id, quantity FROM coupons WHERE code = ?")) {
            query.setString(1, couponCode);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new LoadTestException("coupon " + couponCode + " does not exist in MySQL");
                }
                return new long[] { row.getLong(1), row.getLong(2) };
            }
        }
    }

    private static long count(Connection db, String sql, long couponId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, couponId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        redisConnection.close();
        redisClient.shutdown();
    }
}
