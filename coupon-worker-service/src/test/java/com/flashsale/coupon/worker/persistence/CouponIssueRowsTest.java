package com.flashsale.coupon.worker.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CouponIssueRowsTest {

    @Test
    void writesTheWholeBatchAsOneStatementThatAbsorbsOnlyDuplicates() {
        String sql = CouponIssueRows.insertStatement(3);

        assertThat(sql).startsWith("INSERT INTO coupon_issues (coupon_id, member_id, event_id, accepted_at) VALUES ")
                .endsWith(" ON DUPLICATE KEY UPDATE id = id")
                .doesNotContainIgnoringCase("IGNORE");
        assertThat(sql.split("\\(\\?, \\?, \\?, \\?\\)", -1)).hasSize(4);
    }

    /** The proleptic year (uuuu): the year of era (yyyy) wrote the year -5 as 0006. */
    @Test
    void writesAnAcceptanceTimeAsUtcTextWithItsOwnYear() {
        assertThat(CouponIssueRows.utcDateTime(Instant.parse("2026-12-01T09:00:00.120Z"))).isEqualTo("2026-12-01 09:00:00.120");
        assertThat(CouponIssueRows.utcDateTime(Instant.parse("9999-12-31T23:59:59.999Z"))).isEqualTo("9999-12-31 23:59:59.999");
        assertThat(CouponIssueRows.utcDateTime(Instant.parse("-0005-01-01T00:00:00Z"))).isEqualTo("-0005-01-01 00:00:00.000");
    }

    @Test
    void staysUnderThePlaceholderLimitOfAPreparedStatement() {
        assertThat(CouponIssueRows.MAX_ROWS_PER_STATEMENT * 4).isLessThan(65_535);
    }
}
