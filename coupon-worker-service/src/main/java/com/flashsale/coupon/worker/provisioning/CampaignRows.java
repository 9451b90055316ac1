package com.flashsale.coupon.worker.provisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the coupons table, the source of truth for what the ledger may sell. */
@Repository
class CampaignRows {

    private static final String SELECT = "SELECT id, code, quantity, status, starts_at, ends_at FROM coupons";

    private final JdbcClient jdbc;

    CampaignRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Campaign> findAll() {
        return jdbc.sql(SELECT + " ORDER BY id").query(CampaignRows::campaign).list();
    }

    Optional<Campaign> findByCode(String code) {
        return jdbc.sql(SELECT + " WHERE code = ?").param(code).query(CampaignRows::campaign).optional();
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getLong("id"), rs.getString("code"), rs.getInt("quantity"), rs.getString("status"),
                utc(rs.getObject("starts_at", LocalDateTime.class)),
                utc(rs.getObject("ends_at", LocalDateTime.class)));
    }

    // DATETIME columns hold UTC (see V1__create_tables.sql).
    private static Instant utc(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
