package com.flashsale.coupon.cli.lab;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.store.SaleState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Seed phase 1, with the retries the seed found it needed: read stock and version, then decrement
 * only if the version is unchanged ({@code @Version} semantics). Under contention most attempts lose
 * the race and start over; after {@link #MAX_TRIES} an attempt gives up (answered as unavailable),
 * so a member can be refused although stock was left.
 */
public final class OptimisticLock implements Baseline {

    static final int MAX_TRIES = 50;

    private final CouponTables tables;

    public OptimisticLock(LabServers servers) {
        this.tables = new CouponTables(servers);
    }

    @Override
    public String name() {
        return "optimistic lock (@Version, " + MAX_TRIES + " tries)";
    }

    @Override
    public void reset(int stock) throws SQLException {
        tables.reset(stock);
    }

    @Override
    public Client client() throws SQLException {
        return tables.client((c, memberId) -> {
            for (int tries = 0; tries < MAX_TRIES; tries++) {
                Outcome answer = tryOnce(c, memberId);
                if (answer != null) {
                    return answer;
                }
            }
            return Outcome.UNAVAILABLE;
        });
    }

    /** Null when another attempt changed the coupon first: the caller tries again. */
    private static Outcome tryOnce(Connection c, long memberId) throws SQLException {
        try {
            int stock;
            long version;
            try (PreparedStatement read = c.prepareStatement("SELECT stock, version FROM lab_coupons WHERE id = ?")) {
                read.setLong(1, CouponTables.COUPON_ID);
                try (ResultSet r = read.executeQuery()) {
                    r.next();
                    stock = r.getInt(1);
                    version = r.getLong(2);
                }
            }
            if (CouponTables.holds(c, memberId)) {
                c.rollback();
                return Outcome.DUPLICATE;
            }
            if (stock <= 0) {
                c.rollback();
                return Outcome.SOLD_OUT;
            }
            try (PreparedStatement take = c.prepareStatement(
                    "UPDATE lab_coupons SET stock = stock - 1, version = version + 1 WHERE id = ? AND version = ?")) {
                take.setLong(1, CouponTables.COUPON_ID);
                take.setLong(2, version);
                if (take.executeUpdate() == 0) {
                    c.rollback();
                    return null;
                }
            }
            CouponTables.insertIssue(c, memberId);
            c.commit();
            return Outcome.ISSUED;
        } catch (SQLIntegrityConstraintViolationException e) {
            // The same member won a concurrent attempt: the unique key is the seed's last line of defence.
            CouponTables.rollbackQuietly(c);
            return Outcome.DUPLICATE;
        } catch (SQLException e) {
            CouponTables.rollbackQuietly(c);
            throw e;
        }
    }

    @Override
    public SaleState state(int quantity) throws SQLException {
        return tables.state(quantity);
    }

    @Override
    public void close() {
    }
}
