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
    int forEachPage(int pageSize, Consumer<List<LedgerMember>> page) {
        long lastId = 0;
        int total = 0;
        while (true) {
            // Keyset pagination: each page is an index range scan, however deep into the table.
            List<LedgerMember> members = jdbc.sql("SELECT id, status FROM members WHERE id > ? ORDER BY id LIMIT ?")
                    .params(lastId, pageSize)
                    .query((rs, row) -> new LedgerMember(rs.getLong("id"), rs.getString("status")))
                    .list();
            if (members.isEmpty()) {
                return total;
            }
            page.accept(members);
            total += members.size();
            lastId = members.getLast().id();
        }
    }

    Optional<LedgerMember> find(long memberId) {
        return jdbc.sql("SELECT id, status FROM members WHERE id = ?")
                .param(memberId)
                .query((rs, row) -> new LedgerMember(rs.getLong("id"), rs.getString("status")))
                .optional();
    }
}
