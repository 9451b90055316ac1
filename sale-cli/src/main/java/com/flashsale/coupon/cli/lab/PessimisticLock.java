package com.flashsale.coupon.cli.lab;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.store.SaleState;
import java.sql.SQLException;

/**
 * Seed phase 2: {@code SELECT ... FOR UPDATE} on the coupon row, then check, insert and decrement in
 * the same transaction. Correct, because every attempt queues on one row lock: the whole sale runs
 * one transaction (and one commit flush) at a time.
 */
public final class PessimisticLock implements Baseline {

    public static final String NAME = "pessimistic lock (SELECT ... FOR UPDATE)";

    private final CouponTables tables;

    public PessimisticLock(LabServers servers) {
        this.tables = new CouponTables(servers);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void reset(int stock) throws SQLException {
        tables.reset(stock);
    }

    @Override
    public Client client() throws SQLException {
        // The row lock serialises every attempt on the coupon until its commit.
        return tables.client((c, memberId) -> CouponTables.issueOne(c, memberId,
                "SELECT stock FROM lab_coupons WHERE id = ? FOR UPDATE"));
    }

    @Override
    public SaleState state(int quantity) throws SQLException {
        return tables.state(quantity);
    }

    @Override
    public void close() {
    }
}
