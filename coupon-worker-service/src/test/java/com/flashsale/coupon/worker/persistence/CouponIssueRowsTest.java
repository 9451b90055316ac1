package com.flashsale.coupon.worker.persistence;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void staysUnderThePlaceholderLimitOfAPreparedStatement() {
        assertThat(CouponIssueRows.MAX_ROWS_PER_STATEMENT * 4).isLessThan(65_535);
    }
}
