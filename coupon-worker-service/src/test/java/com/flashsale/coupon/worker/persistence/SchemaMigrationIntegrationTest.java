package com.flashsale.coupon.worker.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashsale.coupon.testsupport.TestServers;
import com.flashsale.coupon.worker.WorkerTestEnvironment;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The migrations on a real, empty MySQL-compatible server, as the application runs them. */
class SchemaMigrationIntegrationTest {

    private static JdbcTemplate jdbc;
    private static MigrateResult migration;

    @BeforeAll
    static void migrateAnEmptyDatabase() {
        TestServers.Endpoints servers = TestServers.endpoints();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                servers.jdbcUrl(WorkerTestEnvironment.createDatabase()), servers.mysqlUser(),
                servers.mysqlPassword());
        migration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void migratesAnEmptyDatabase() {
        assertThat(migration.success).isTrue();
        assertThat(migration.migrationsExecuted).isEqualTo(6);
        assertThat(jdbc.queryForList("SHOW TABLES", String.class)).contains("members", "coupons", "coupon_issues",
                "failed_coupon_issues", "shedlock", "campaign_audit");
        assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = DATABASE() AND table_name = 'failed_coupon_issues'", String.class))
                .contains("replay_attempts", "replayed_at", "replayed_by");
    }

    @Test
    void seedsFiveHundredActiveMembersAndOneInactive() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM members WHERE status = 'ACTIVE'", Integer.class))
                .isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT MIN(id) FROM members WHERE status = 'ACTIVE'", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT MAX(id) FROM members WHERE status = 'ACTIVE'", Long.class))
                .isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT status FROM members WHERE id = 501", String.class))
                .isEqualTo("INACTIVE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM members", Integer.class)).isEqualTo(501);
    }

    @Test
    void seedsThreeCouponsWithFlash100AsIdTwo() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupons", Integer.class)).isEqualTo(3);
        Map<String, Object> flash = jdbc.queryForMap("SELECT id, quantity, status, ends_at FROM coupons "
                + "WHERE code = 'FLASH100'");
        assertThat(flash.get("id")).isEqualTo(2L);
        assertThat(flash.get("quantity")).isEqualTo(100);
        assertThat(flash.get("status")).isEqualTo("ACTIVE");
        assertThat(flash.get("ends_at")).isNull();
        assertThat(jdbc.queryForObject("SELECT ends_at IS NOT NULL AND ends_at < '2025-01-01' FROM coupons "
                + "WHERE code = 'ENDED50'", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT quantity FROM coupons WHERE code = 'WELCOME10'", Integer.class))
                .isEqualTo(1000);
    }

    /** As the Redis ledger and the gateway read them: FLASH100 and flash100 are two codes, each unique. */
    @Test
    void comparesCampaignCodesExactly() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupons WHERE code = 'flash100'", Integer.class)).isZero();
        jdbc.update("INSERT INTO coupons (code, name, quantity, status, starts_at) "
                + "VALUES ('welcome10', 'Lower case', 5, 'ACTIVE', '2025-01-01 00:00:00')");

        assertThat(jdbc.queryForList("SELECT quantity FROM coupons WHERE code = 'welcome10'", Integer.class)).containsExactly(5);
        assertThat(jdbc.queryForList("SELECT quantity FROM coupons WHERE code = 'WELCOME10'", Integer.class)).containsExactly(1000);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO coupons (code, name, quantity, status, starts_at) "
                + "VALUES ('welcome10', 'Twice', 5, 'ACTIVE', '2025-01-01 00:00:00')"))
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.update("DELETE FROM coupons WHERE code = 'welcome10'");
    }

    @Test
    void refusesAnIssueForAnUnknownMember() {
        assertThatThrownBy(() -> jdbc.update("INSERT INTO coupon_issues (coupon_id, member_id, event_id, accepted_at) "
                + "VALUES (2, 999999, 'unknown-member', '2025-06-01 00:00:00')"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void absorbsASecondIssueForTheSameMemberAndCoupon() {
        String insert = CouponIssueRows.insertStatement(1);
        jdbc.update(insert, 1L, 7L, "first", "2025-06-01 00:00:00");
        jdbc.update(insert, 1L, 7L, "redelivered", "2025-06-01 00:00:01");
        assertThat(jdbc.queryForObject("SELECT event_id FROM coupon_issues WHERE coupon_id = 1 AND member_id = 7",
                String.class)).isEqualTo("first");
        assertThat(jdbc.queryForObject("SELECT status FROM coupon_issues WHERE coupon_id = 1 AND member_id = 7",
                String.class)).isEqualTo("ISSUED");
    }
}
