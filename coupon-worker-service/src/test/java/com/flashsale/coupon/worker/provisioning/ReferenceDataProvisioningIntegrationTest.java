package com.flashsale.coupon.worker.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.events.LedgerKeys.CampaignFields;
import com.flashsale.coupon.worker.OpenWorkerStoresTest;
import com.flashsale.coupon.worker.WorkerTestEnvironment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ReferenceDataProvisioningIntegrationTest extends OpenWorkerStoresTest {

    private static final LedgerKeys FLASH100 = LedgerKeys.forCoupon("FLASH100");

    @Autowired
    MemberRows memberRows;

    @BeforeEach
    void startFromAnEmptyLedgerAndTheSeededCoupons() {
        WorkerTestEnvironment.flushRedis(redis);
        jdbc.update("UPDATE coupons SET quantity = 100, status = 'ACTIVE' WHERE code = 'FLASH100'");
    }

    @Test
    void writesCampaignHashStockMembersAndCampaignSet() {
        ProvisioningRun run = provisioner.provisionAll();

        assertThat(run.campaigns()).isEqualTo(3);
        assertThat(run.members()).isEqualTo(memberCount());
        assertThat(redis.<String, String>opsForHash().entries(FLASH100.campaign())).containsExactlyInAnyOrderEntriesOf(
                Map.of(CampaignFields.ID, "2", CampaignFields.QUANTITY, "100", CampaignFields.STATUS, "ACTIVE",
                        CampaignFields.STARTS_AT, Long.toString(Instant.parse("2025-01-01T00:00:00Z").toEpochMilli()),
                        CampaignFields.ENDS_AT, ""));
        assertThat(redis.opsForHash().get(LedgerKeys.forCoupon("ENDED50").campaign(), CampaignFields.ENDS_AT))
                .isEqualTo(Long.toString(Instant.parse("2024-12-31T23:59:59.999Z").toEpochMilli()));
        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo("100");
        assertThat(redis.opsForValue().get(LedgerKeys.forCoupon("WELCOME10").stock())).isEqualTo("1000");
        assertThat(redis.opsForSet().members(LedgerKeys.CAMPAIGNS))
                .containsExactlyInAnyOrder("WELCOME10", "FLASH100", "ENDED50");
        assertThat(redis.opsForHash().size(LedgerKeys.MEMBERS)).isEqualTo(memberCount());
        assertThat(redis.opsForHash().get(LedgerKeys.MEMBERS, "1")).isEqualTo("ACTIVE");
        assertThat(redis.opsForHash().get(LedgerKeys.MEMBERS, "501")).isEqualTo("INACTIVE");
        assertThat(redis.hasKey(FLASH100.outbox())).isFalse();
    }

    @Test
    void keepsTheStockOfACampaignThatSold() {
        provisioner.provisionAll();
        sell(40);

        provisioner.provisionAll();

        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo("60");
        assertThat(redis.opsForZSet().zCard(FLASH100.issued())).isEqualTo(40);
    }

    @Test
    void shiftsTheStockByTheChangeOfQuantity() {
        provisioner.provisionAll();
        sell(40);

        jdbc.update("UPDATE coupons SET quantity = 150 WHERE code = 'FLASH100'");
        assertThat(provisioner.provisionCampaign("FLASH100")).hasValueSatisfying(c -> assertThat(c.stock()).isEqualTo(110));
        assertThat(redis.opsForHash().get(FLASH100.campaign(), CampaignFields.QUANTITY)).isEqualTo("150");

        jdbc.update("UPDATE coupons SET quantity = 90 WHERE code = 'FLASH100'");
        provisioner.provisionCampaign("FLASH100");
        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo("50");
    }

    @Test
    void rebuildsAMissingStockAsQuantityMinusIssued() {
        sell(40);
        redis.delete(FLASH100.stock());

        provisioner.provisionCampaign("FLASH100");

        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo("60");
    }

    @Test
    void carriesAStatusChangeOverWithoutTouchingTheStock() {
        provisioner.provisionAll();
        sell(10);
        jdbc.update("UPDATE coupons SET status = 'PAUSED' WHERE code = 'FLASH100'");

        provisioner.provisionCampaign("FLASH100");

        assertThat(redis.opsForHash().get(FLASH100.campaign(), CampaignFields.STATUS)).isEqualTo("PAUSED");
        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo("90");
    }

    @Test
    void rebuildDeletesTheWholeLedgerAndRestoresFullStock() {
        provisioner.provisionAll();
        sell(40);
        redis.opsForStream().add(FLASH100.outbox(), Map.of("memberId", "1"));
        redis.opsForSet().add(LedgerKeys.CAMPAIGNS, "GONE");
        redis.opsForValue().set(LedgerKeys.forCoupon("GONE").stock(), "5");

        ProvisioningRun run = provisioner.rebuild();

        assertThat(run.deletedKeys()).isGreaterThanOrEqualTo(4);
        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo("100");
        assertThat(redis.hasKey(FLASH100.issued())).isFalse();
        assertThat(redis.hasKey(FLASH100.outbox())).isFalse();
        assertThat(redis.hasKey(LedgerKeys.forCoupon("GONE").stock())).isFalse();
        assertThat(redis.opsForSet().members(LedgerKeys.CAMPAIGNS))
                .containsExactlyInAnyOrder("WELCOME10", "FLASH100", "ENDED50");
        assertThat(redis.opsForHash().size(LedgerKeys.MEMBERS)).isEqualTo(memberCount());
    }

    @Test
    void leavesTheMembersHashAloneWhileMySqlIsUnchanged() {
        provisioner.provisionAll();
        String version = redis.opsForValue().get(LedgerKeys.MEMBERS_VERSION);
        // Written behind the worker's back: only a pass that rewrites the hash would undo it.
        redis.opsForHash().put(LedgerKeys.MEMBERS, "1", "UNTOUCHED");

        provisioner.provisionAll();

        assertThat(version).isNotBlank();
        assertThat(redis.opsForValue().get(LedgerKeys.MEMBERS_VERSION)).isEqualTo(version);
        assertThat(redis.opsForHash().get(LedgerKeys.MEMBERS, "1")).isEqualTo("UNTOUCHED");
    }

    @Test
    void mySqlComputesTheSameMembersVersionAsTheWorkerWrites() {
        whileMemberThreeIsInactive(() -> {
            MemberDigest read = new MemberDigest();
            memberRows.forEachPage(100, read::add);

            assertThat(memberRows.version()).isEqualTo(read.version());
            assertThat(read.version().count()).isEqualTo(memberCount());
        });
    }

    @Test
    void rewritesTheMembersHashAndItsVersionWhenAStatusChanges() {
        provisioner.provisionAll();
        String version = redis.opsForValue().get(LedgerKeys.MEMBERS_VERSION);
        whileMemberThreeIsInactive(() -> {
            provisioner.provisionAll();

            assertThat(redis.opsForHash().get(LedgerKeys.MEMBERS, "3")).isEqualTo("INACTIVE");
            assertThat(redis.opsForValue().get(LedgerKeys.MEMBERS_VERSION)).isNotBlank().isNotEqualTo(version);
        });
    }

    @Test
    void rewritesAMembersHashThatWasLostUnderItsVersion() {
        provisioner.provisionAll();
        redis.delete(LedgerKeys.MEMBERS);

        provisioner.provisionAll();

        assertThat(redis.opsForHash().size(LedgerKeys.MEMBERS)).isEqualTo(memberCount());
    }

    @Test
    void provisionsOneHundredThousandMembers() {
        List<Object[]> rows = new ArrayList<>();
        IntStream.rangeClosed(1, 100_000).forEach(i -> rows.add(new Object[] { "Bulk " + i, "bulk" + i + "@example.com",
                i % 10 == 0 ? "INACTIVE" : "ACTIVE" }));
        jdbc.batchUpdate("INSERT INTO members (name, email, status) VALUES (?, ?, ?)", rows);
        try {
            long members = memberCount();
            assertThat(members).isGreaterThanOrEqualTo(100_501);

            assertThat(provisioner.provisionAll().members()).isEqualTo(members);

            assertThat(redis.opsForHash().size(LedgerKeys.MEMBERS)).isEqualTo(members);
            Long lastId = jdbc.queryForObject("SELECT MAX(id) FROM members", Long.class);
            assertThat(redis.opsForHash().get(LedgerKeys.MEMBERS, Long.toString(lastId))).isEqualTo(
                    jdbc.queryForObject("SELECT status FROM members WHERE id = ?", String.class, lastId));
        } finally {
            jdbc.update("DELETE FROM members WHERE email LIKE 'bulk%'");
        }
    }

    @Test
    void provisionsOneMemberAndReportsAnUnknownOne() {
        provisioner.provisionAll();
        String version = redis.opsForValue().get(LedgerKeys.MEMBERS_VERSION);
        whileMemberThreeIsInactive(() -> {
            assertThat(provisioner.provisionMember(3)).isTrue();
            assertThat(redis.opsForHash().get(LedgerKeys.MEMBERS, "3")).isEqualTo("INACTIVE");
            assertThat(redis.opsForValue().get(LedgerKeys.MEMBERS_VERSION)).isNotBlank().isNotEqualTo(version);
            assertThat(provisioner.provisionMember(999_999)).isFalse();
            assertThat(redis.opsForHash().hasKey(LedgerKeys.MEMBERS, "999999")).isFalse();
        });
    }

    /** Member 3 is INACTIVE in MySQL while {@code check} runs, and ACTIVE again afterwards, whatever happens. */
    private void whileMemberThreeIsInactive(Runnable check) {
        jdbc.update("UPDATE members SET status = 'INACTIVE' WHERE id = 3");
        try {
            check.run();
        } finally {
            jdbc.update("UPDATE members SET status = 'ACTIVE' WHERE id = 3");
        }
    }

    /** What the gateway's script leaves behind after {@code count} issuances. */
    private void sell(int count) {
        Set<TypedTuple<String>> members = new HashSet<>();
        long now = System.currentTimeMillis();
        for (int member = 1; member <= count; member++) {
            members.add(TypedTuple.of(Integer.toString(member),
                    (double) now + member));
        }
        redis.opsForZSet().add(FLASH100.issued(), members);
        if (Boolean.TRUE.equals(redis.hasKey(FLASH100.stock()))) {
            redis.opsForValue().decrement(FLASH100.stock(), count);
        }
    }

    private long memberCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM members", Long.class);
    }
}
