package com.flashsale.coupon.worker.reconciliation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** MySQL's side of the comparison: campaigns and who holds a coupon of each. */
@Repository
class IssuedRows {

    private final JdbcClient jdbc;

    IssuedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CampaignRef> campaigns() {
        return jdbc.sql("SELECT id, code FROM coupons ORDER BY id")
                .query((rs, row) -> new CampaignRef(rs.getLong("id"), rs.getString("code")))
                .list();
    }

    /** Member id to acceptance time, for every row of the coupon. */
    Map<Long, Instant> holders(long couponId) {
        Map<Long, Instant> holders = new HashMap<>();
        jdbc.sql("SELECT member_id, accepted_at FROM coupon_issues WHERE coupon_id = ?")
                .param(couponId)
                .query(rs -> {
                    holders.put(rs.getLong("member_id"),
                            rs.getObject("accepted_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
                });
        return holders;
    }

    record CampaignRef(long id, String code) {
    }
}
