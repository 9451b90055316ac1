package com.flashsale.coupon.worker.admin;

import static com.flashsale.coupon.worker.admin.OperatorRequests.changeCampaign;
import static com.flashsale.coupon.worker.admin.OperatorRequests.memberStatus;
import static com.flashsale.coupon.worker.admin.OperatorRequests.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.events.LedgerKeys.CampaignFields;
import com.flashsale.coupon.testsupport.EnvelopeMatchers;
import com.flashsale.coupon.worker.OpenWorkerStoresTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** The admin endpoints under the {@code local} profile, where they are open. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("local")
class AdminEndpointsIntegrationTest extends OpenWorkerStoresTest {

    private static final LedgerKeys FLASH100 = LedgerKeys.forCoupon("FLASH100");

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void startFromTheSeededStateFullyProvisioned() {
        deleteIssuances();
        jdbc.update("UPDATE coupons SET status = 'ACTIVE', quantity = CASE code WHEN 'WELCOME10' THEN 1000 "
                + "WHEN 'FLASH100' THEN 100 ELSE 50 END");
        jdbc.update("UPDATE members SET status = CASE WHEN id = 501 THEN 'INACTIVE' ELSE 'ACTIVE' END");
        provisionIntoEmptyRedis();
    }

    @Test
    void resetClearsTheRowsAndRestoresFullStock() throws Exception {
        for (long member = 1; member <= 5; member++) {
            jdbc.update("INSERT INTO coupon_issues (coupon_id, member_id, event_id, accepted_at) "
                    + "VALUES (2, ?, ?, NOW(3))", member, "event-" + member);
            redis.opsForZSet().add(FLASH100.issued(), Long.toString(member), member);
        }
        jdbc.update("INSERT INTO failed_coupon_issues (coupon_id, member_id, event_id, reason) "
                + "VALUES (2, 9, 'failed-9', 'test')");
        redis.opsForValue().set(FLASH100.stock(), "95");
        redis.opsForStream().add(FLASH100.outbox(), Map.of("memberId", "5"));

        mvc.perform(post("/api/test/reset"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"success": true, "data": {"deletedCouponIssues": 5, "deletedFailedCouponIssues": 1,
                                                   "provisionedCampaigns": 3}}"""))
                .andExpect(jsonPath("$.timestamp").exists());

        assertThat(count("coupon_issues")).isZero();
        assertThat(count("failed_coupon_issues")).isZero();
        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo("100");
        assertThat(redis.hasKey(FLASH100.issued())).isFalse();
        assertThat(redis.hasKey(FLASH100.outbox())).isFalse();
        assertThat(redis.opsForHash().get(LedgerKeys.MEMBERS, "501")).isEqualTo("INACTIVE");
    }

    @Test
    void stockInitSetsTheQuantityAndShiftsTheStock() throws Exception {
        sellFlash100(30);

        mvc.perform(post("/api/v1/coupons/stock/init").param("couponCode", "FLASH100").param("quantity", "120"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.data.couponCode").value("FLASH100"))
                .andExpect(jsonPath("$.data.quantity").value(120))
                .andExpect(jsonPath("$.data.stock").value(90));

        assertThat(jdbc.queryForObject("SELECT quantity FROM coupons WHERE code = 'FLASH100'", Integer.class))
                .isEqualTo(120);
        assertThat(redis.opsForHash().get(FLASH100.campaign(), CampaignFields.QUANTITY)).isEqualTo("120");
        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo("90");
    }

    /**
     * Twenty issued, five asked for: refused as a change of quantity is, MySQL and the ledger as they were,
     * whether MySQL has the rows yet or only the ledger holds the issuances. Reset first, it is taken.
     */
    @Test
    void stockInitRefusesAQuantityBelowWhatWasIssuedAndChangesNothing() throws Exception {
        sellFlash100(20);
        Snapshot ledgerOnly = snapshot();

        assertStockInitRefused(5, "campaign FLASH100 has issued 20 coupons in the ledger: its quantity cannot go below that");
        assertThat(snapshot()).isEqualTo(ledgerOnly);

        for (long member = 1; member <= 20; member++) {
            jdbc.update("INSERT INTO coupon_issues (coupon_id, member_id, event_id, accepted_at) VALUES (2, ?, ?, NOW(3))",
                    member, "event-" + member);
        }
        Snapshot persisted = snapshot();

        assertStockInitRefused(19, "campaign FLASH100 has issued 20 coupons: its quantity cannot go below that");
        assertThat(snapshot()).isEqualTo(persisted);
        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo("80");

        mvc.perform(post("/api/test/reset")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/coupons/stock/init").param("couponCode", "FLASH100").param("quantity", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.quantity").value(5))
                .andExpect(jsonPath("$.data.stock").value(5));
        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo("5");
    }

    @Test
    void pausesACampaignInMySqlAndRedis() throws Exception {
        mvc.perform(changeCampaign("FLASH100", "status", status("PAUSED")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.status").value("PAUSED"));

        assertThat(jdbc.queryForObject("SELECT status FROM coupons WHERE code = 'FLASH100'", String.class))
                .isEqualTo("PAUSED");
        assertThat(redis.opsForHash().get(FLASH100.campaign(), CampaignFields.STATUS)).isEqualTo("PAUSED");
        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo("100");
    }

    @Test
    void deactivatesAMemberInMySqlAndRedis() throws Exception {
        mvc.perform(memberStatus("7", status("INACTIVE")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"data": {"memberId": 7, "status": "INACTIVE"}}"""));

        assertThat(jdbc.queryForObject("SELECT status FROM members WHERE id = 7", String.class)).isEqualTo("INACTIVE");
        assertThat(redis.opsForHash().get(LedgerKeys.MEMBERS, "7")).isEqualTo("INACTIVE");
    }

    /** The answers are {@link AdminControllersTest}'s; here, that the stores know nothing of what does not exist. */
    @Test
    void refusesAnUnknownCouponOrMemberAndProvisionsNothing() throws Exception {
        Snapshot before = snapshot();

        mvc.perform(post("/api/v1/coupons/stock/init").param("couponCode", "NOPE").param("quantity", "10"))
                .andExpect(status().isNotFound());
        mvc.perform(changeCampaign("NOPE", "status", status("PAUSED"))).andExpect(status().isNotFound());
        mvc.perform(memberStatus("999999", status("INACTIVE"))).andExpect(status().isNotFound());

        assertThat(redis.opsForSet().members(LedgerKeys.CAMPAIGNS)).doesNotContain("NOPE");
        assertThat(redis.hasKey(LedgerKeys.forCoupon("NOPE").campaign())).isFalse();
        assertThat(snapshot()).isEqualTo(before);
    }

    /**
     * Codes are exact, as the ledger's keys and the gateway read them: flash100 is not FLASH100, on any
     * path that names a campaign, and asking for it changes nothing in either store.
     */
    @Test
    void findsNoCampaignByACodeThatDiffersOnlyInCase() throws Exception {
        Snapshot before = snapshot();
        List<RequestBuilder> requests = List.of(get("/api/v1/admin/campaigns/flash100"),
                changeCampaign("flash100", "status", status("PAUSED")),
                changeCampaign("flash100", "quantity", "{\"quantity\":20}"),
                changeCampaign("flash100", "window", "{\"startsAt\":\"2026-12-01T10:00:00Z\"}"),
                get("/api/v1/admin/campaigns/flash100/audit"),
                get("/api/v1/admin/campaigns/flash100/issuances"),
                get("/api/v1/admin/campaigns/flash100/holders"),
                get("/api/v1/admin/campaigns/flash100/failed-issuances"),
                post("/api/v1/admin/campaigns/flash100/failed-issuances/replay"),
                post("/api/v1/admin/campaigns/flash100/failed-issuances/1/replay"),
                post("/api/v1/coupons/stock/init").param("couponCode", "flash100").param("quantity", "20"));

        for (RequestBuilder request : requests) {
            mvc.perform(request).andExpect(EnvelopeMatchers.refused(404, "COUPON-001"))
                    .andExpect(jsonPath("$.error.message").value("no coupon with code 'flash100'"));
        }

        assertThat(snapshot()).isEqualTo(before);
        assertThat(redis.hasKey(LedgerKeys.forCoupon("flash100").campaign())).isFalse();
        assertThat(redis.opsForSet().members(LedgerKeys.CAMPAIGNS)).doesNotContain("flash100");
    }

    /** page * size is the offset the database is asked from: past the bound it is refused, up to it answered. */
    @Test
    void refusesAPagePastTheBoundOnEveryListAndAnswersOneUpToIt() throws Exception {
        Snapshot before = snapshot();
        Map<String, Integer> largestPage = Map.of("/api/v1/admin/campaigns", 200, "/api/v1/admin/campaigns/FLASH100/audit", 200,
                "/api/v1/admin/campaigns/FLASH100/holders", 500, "/api/v1/admin/campaigns/FLASH100/failed-issuances", 500);

        for (Map.Entry<String, Integer> list : largestPage.entrySet()) {
            String size = list.getValue().toString();
            mvc.perform(get(list.getKey()).param("page", "2147483647").param("size", size))
                    .andExpect(EnvelopeMatchers.refused(400, "COMMON-001"))
                    .andExpect(jsonPath("$.error.message").value("page: must be less than or equal to 1000000"));
            mvc.perform(get(list.getKey()).param("page", "1000000").param("size", size))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.data.items").isEmpty())
                    .andExpect(jsonPath("$.data.page").value(1_000_000));
        }

        assertThat(snapshot()).isEqualTo(before);
    }

    /** What each of these requests is answered is {@link AdminControllersTest}'s; here, that none of them changes anything. */
    @Test
    void badInputChangesNothing() throws Exception {
        Snapshot before = snapshot();

        for (RequestBuilder request : AdminBadRequests.all()) {
            mvc.perform(request);
        }
        for (AdminBadRequests.Refusal refusal : AdminBadRequests.outsideJson()) {
            mvc.perform(refusal.request());
        }

        assertThat(snapshot()).isEqualTo(before);
    }

    private void sellFlash100(int count) {
        for (int member = 1; member <= count; member++) {
            redis.opsForZSet().add(FLASH100.issued(), Integer.toString(member), member);
        }
        redis.opsForValue().decrement(FLASH100.stock(), count);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }


    /** A stock init to FLASH100 refused as a quantity below what was issued, with the message that says so. */
    private void assertStockInitRefused(int quantity, String message) throws Exception {
        mvc.perform(post("/api/v1/coupons/stock/init").param("couponCode", "FLASH100").param("quantity", Integer.toString(quantity)))
                .andExpect(EnvelopeMatchers.refused(409, "CAMPAIGN-004"))
                .andExpect(jsonPath("$.error.message").value(message));
    }
    private Snapshot snapshot() {
        return new Snapshot(jdbc.queryForList("SELECT code, quantity, status, version FROM coupons ORDER BY id"),
                jdbc.queryForList("SELECT status, COUNT(*) AS members FROM members GROUP BY status ORDER BY status"),
                redis.<String, String>opsForHash().entries(FLASH100.campaign()),
                redis.opsForValue().get(FLASH100.stock()),
                redis.<String, String>opsForHash().entries(LedgerKeys.MEMBERS),
                jdbc.queryForObject("SELECT COUNT(*) FROM campaign_audit", Long.class));
    }

    private record Snapshot(List<Map<String, Object>> coupons, List<Map<String, Object>> memberStatuses,
            Map<String, String> flash100Campaign, String flash100Stock, Map<String, String> ledgerMembers,
            long auditEntries) {
    }
}
