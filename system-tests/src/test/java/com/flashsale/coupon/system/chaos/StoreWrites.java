package com.flashsale.coupon.system.chaos;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.system.SaleEnvironment;
import io.lettuce.core.api.sync.RedisCommands;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * What the drills write into the stores themselves, bypassing the services: the sale's members, and
 * the damage some faults do (as lost writes would). Reads go through the kit's probe.
 */
final class StoreWrites {

    private static final int INSERT_CHUNK = 1_000;

    private final SaleEnvironment environment;
    private final RedisCommands<String, String> redis;
    private final LedgerKeys keys;
    private final long couponId;

    StoreWrites(SaleEnvironment environment, String couponCode, long couponId) {
        this.environment = environment;
        this.redis = environment.redis();
        this.keys = LedgerKeys.forCoupon(couponCode);
        this.couponId = couponId;
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

    /** The coupon's rows of these members deleted from MySQL; returns how many went. */
    int deleteRows(Collection<Long> members) throws SQLException {
        if (members.isEmpty()) {
            return 0;
        }
        try (Connection connection = environment.connect();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM coupon_issues WHERE coupon_id = ?"
                        + " AND member_id IN (" + String.join(",", Collections.nCopies(members.size(), "?")) + ")")) {
            int p = 1;
            delete.setLong(p++, couponId);
            for (long member : members) {
                delete.setLong(p++, member);
            }
            return delete.executeUpdate();
        }
    }

    void removeFromLedger(long memberId) {
        redis.zrem(keys.issued(), Long.toString(memberId));
    }

    void shiftStock(long delta) {
        redis.incrby(keys.stock(), delta);
    }

    /** As the worker's single-member change does: the hash and a fresh version, so mirrors re-read it. */
    void addEligibleMember(long memberId) {
        redis.hset(LedgerKeys.MEMBERS, Long.toString(memberId), LedgerKeys.ACTIVE);
        redis.set(LedgerKeys.MEMBERS_VERSION, "drill member " + memberId + " " + UUID.randomUUID());
    }
}
