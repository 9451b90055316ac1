package com.flashsale.coupon.worker.provisioning;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads member statuses page by page, so a large member table never sits in memory at once. */
@Repository
class MemberRows {

    private final JdbcClient jdbc;

    MemberRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Hands every member to {@code page}, in id order; returns how many there were. */
    int forEachPage(int pageSize, Consumer<List<Member>> page) {
        long lastId = 0;
        int total = 0;
        while (true) {
            // Keyset pagination: each page is an index range scan, however deep into the table.
            List<Member> members = jdbc.sql("SELECT id, status FROM members WHERE id > ? ORDER BY id LIMIT ?")
                    .params(lastId, pageSize)
                    .query((rs, row) -> new Member(rs.getLong("id"), rs.getString("status")))
                    .list();
            if (members.isEmpty()) {
                return total;
            }
            page.accept(members);
            total += members.size();
            lastId = members.getLast().id();
        }
    }

    /**
     * The {@link MemberDigest} of every member as MySQL holds them now, computed by MySQL: one
     * aggregate row instead of every member sent to the worker and hashed there.
     */
    MemberDigest.Version version() {
        return jdbc.sql("""
                SELECT COUNT(*) AS members,
                       COALESCE(BIT_XOR(CAST(CONV(LEFT(SHA2(CONCAT(id, ':', status), 256), 16), 16, 10) AS UNSIGNED)), 0)
                           AS fingerprint
                FROM members""")
                .query((rs, row) -> MemberDigest.Version.of(rs.getLong("members"),
                        Long.parseUnsignedLong(rs.getString("fingerprint"))))
                .single();
    }

    Optional<Member> find(long memberId) {
        return jdbc.sql("SELECT id, status FROM members WHERE id = ?")
                .param(memberId)
                .query((rs, row) -> new Member(rs.getLong("id"), rs.getString("status")))
                .optional();
    }
}
