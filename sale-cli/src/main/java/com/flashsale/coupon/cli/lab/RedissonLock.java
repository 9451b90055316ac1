package com.flashsale.coupon.cli.lab;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.store.SaleState;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Seed phase 3: a Redisson lock per coupon replaces the row lock, and the database work runs inside
 * it. The database no longer queues lock waiters, but the lock is still one serial section per
 * coupon: throughput is one (database transaction + two lock round trips) at a time. An attempt
 * that cannot get the lock within {@link #LOCK_WAIT_SECONDS} gives up.
 */
public final class RedissonLock implements Baseline {

    static final long LOCK_WAIT_SECONDS = 10;
    static final long LEASE_SECONDS = 30;

    private final CouponTables tables;
    private final RedissonClient redisson;

    public RedissonLock(LabServers servers) {
        this.tables = new CouponTables(servers);
        Config config = new Config();
        config.useSingleServer()
                .setAddress("redis://" + servers.redisHost() + ":" + servers.redisPort())
                .setDatabase(servers.redisDatabase())
                .setConnectionPoolSize(64)
                .setConnectionMinimumIdleSize(8);
        this.redisson = Redisson.create(config);
    }

    @Override
    public String name() {
        return "Redisson distributed lock";
    }

    @Override
    public void reset(int stock) throws SQLException {
        tables.reset(stock);
        redisson.getLock(lockName()).forceUnlock();
    }

    @Override
    public Client client() throws SQLException {
        RLock lock = redisson.getLock(lockName());
        return tables.client((c, memberId) -> {
            if (!lock.tryLock(LOCK_WAIT_SECONDS, LEASE_SECONDS, TimeUnit.SECONDS)) {
                return Outcome.UNAVAILABLE;
            }
            try {
                // Plain read: the Redisson lock is what serialises the attempts.
                return CouponTables.issueOne(c, memberId, "SELECT stock FROM lab_coupons WHERE id = ?");
            } finally {
                lock.unlock();
            }
        });
    }

    private static String lockName() {
        return "lab:{coupon:LAB}:lock";
    }

    @Override
    public SaleState state(int quantity) throws SQLException {
        return tables.state(quantity);
    }

    @Override
    public void close() {
        redisson.shutdown();
    }
}
