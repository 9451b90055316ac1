package com.flashsale.coupon.worker.admin;

import static com.flashsale.coupon.worker.admin.OperatorRequests.changeCampaign;
import static com.flashsale.coupon.worker.admin.OperatorRequests.newCampaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.events.LedgerKeys.CampaignFields;
import com.flashsale.coupon.kit.load.Simultaneous;
import com.flashsale.coupon.worker.GatewayIssueScript;
import com.flashsale.coupon.worker.OpenWorkerStoresTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A campaign's lifecycle through the operator endpoints, against the real MySQL and Redis: each change
 * lands in both at once (the gateway's own issue script sells by it), is audited, and a refused change
 * leaves both as they were.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("local")
class CampaignLifecycleIntegrationTest extends OpenWorkerStoresTest {

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void provision() {
        provisionIntoEmptyRedis();
    }

    @Test
    void createsACampaignInOneCallThatTheLedgerSellsAtOnce() throws Exception {
        String code = newCode();

        mvc.perform(create(code, 3, Instant.now().minusSeconds(1), null))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/admin/campaigns/" + code))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.data.couponCode").value(code))
                .andExpect(jsonPath("$.data.status").value("ACTIVE"))
                .andExpect(jsonPath("$.data.quantity").value(3))
                .andExpect(jsonPath("$.data.stock").value(3));

        LedgerKeys keys = LedgerKeys.forCoupon(code);
        assertThat(redis.opsForHash().get(keys.campaign(), CampaignFields.STATUS)).isEqualTo("ACTIVE");
        assertThat(redis.opsForValue().get(keys.stock())).isEqualTo("3");
        assertThat(redis.opsForSet().isMember(LedgerKeys.CAMPAIGNS, code)).isTrue();
        assertThat(gateway().issue(code, 1)).isEqualTo(2);
        assertThat(audit(code)).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("operator_name", "local").containsEntry("action", "CREATED")
                    .containsEntry("before_state", null);
            assertThat((String) entry.get("after_state")).contains("\"couponCode\":\"" + code + "\"", "\"quantity\":3");
        });
    }

    @Test
    void neverReusesACode() throws Exception {
        String code = newCode();
        mvc.perform(create(code, 3, Instant.now(), null)).andExpect(status().isCreated());
        Snapshot before = snapshot(code);

        refused(mvc.perform(create(code, 9, Instant.now(), null)), 409, "CAMPAIGN-001");
        refused(mvc.perform(create("FLASH100", 9, Instant.now(), null)), 409, "CAMPAIGN-001");

        assertThat(snapshot(code)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT quantity FROM coupons WHERE code = 'FLASH100'", Integer.class))
                .isEqualTo(100);
    }

    @Test
    void pausingClosesTheSaleAtOnceAndEndingCannotBeUndone() throws Exception {
        String code = newCode();
        mvc.perform(create(code, 10, Instant.now().minusSeconds(1), null)).andExpect(status().isCreated());

        mvc.perform(changeStatus(code, "PAUSED")).andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        assertThat(gateway().issue(code, 1)).isEqualTo(GatewayIssueScript.NOT_OPEN);
        mvc.perform(changeStatus(code, "ACTIVE")).andExpect(status().isOk());
        assertThat(gateway().issue(code, 1)).isEqualTo(9);
        mvc.perform(changeStatus(code, "ENDED")).andExpect(status().isOk()).andExpect(jsonPath("$.data.status").value("ENDED"));
        assertThat(gateway().issue(code, 2)).isEqualTo(GatewayIssueScript.NOT_OPEN);
        Snapshot ended = snapshot(code);

        refused(mvc.perform(changeStatus(code, "ACTIVE")), 409, "CAMPAIGN-002");
        refused(mvc.perform(changeStatus(code, "PAUSED")), 409, "CAMPAIGN-002");
        refused(mvc.perform(quantity(code, 20)), 409, "CAMPAIGN-002");
        refused(mvc.perform(post("/api/v1/coupons/stock/init").param("couponCode", code).param("quantity", "20")),
                409, "CAMPAIGN-002");
        mvc.perform(changeStatus(code, "ENDED")).andExpect(status().isOk()).andExpect(header().string("ETag", "\"3\""));

        assertThat(snapshot(code)).isEqualTo(ended);
        assertThat(audit(code)).extracting(entry -> entry.get("action"))
                .containsExactly("CREATED", "PAUSED", "RESUMED", "ENDED");
    }

    @Test
    void refusesAChangeDecidedOnAStaleVersion() throws Exception {
        String code = newCode();
        mvc.perform(create(code, 10, Instant.now(), null)).andExpect(status().isCreated());
        mvc.perform(quantity(code, 20).header("If-Match", "\"0\"")).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        Snapshot before = snapshot(code);

        refused(mvc.perform(quantity(code, 30).header("If-Match", "\"0\"")), 412, "CAMPAIGN-005");
        refused(mvc.perform(changeStatus(code, "PAUSED").header("If-Match", "\"7\"")), 412, "CAMPAIGN-005");

        assertThat(snapshot(code)).isEqualTo(before);
    }

    /** A read names the version it expects as a change does: the version MySQL holds decides, and nothing moves. */
    @Test
    void refusesAReadWhoseIfMatchNamesAnotherVersion() throws Exception {
        String code = newCode();
        mvc.perform(create(code, 10, Instant.now(), null)).andExpect(status().isCreated());
        mvc.perform(quantity(code, 20)).andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        Snapshot before = snapshot(code);

        refused(mvc.perform(get("/api/v1/admin/campaigns/" + code).header("If-Match", "\"0\"")), 412, "CAMPAIGN-005");
        mvc.perform(get("/api/v1/admin/campaigns/" + code).header("If-Match", "\"1\"")).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.data.quantity").value(20));
        refused(mvc.perform(get("/api/v1/admin/campaigns/NOPE").header("If-Match", "\"0\"")), 404, "COUPON-001");

        assertThat(snapshot(code)).isEqualTo(before);
    }

    /** Two operators deciding on the same read: the version column lets exactly one through. */
    @Test
    void letsOneOfSimultaneousChangesOnTheSameVersionThrough() throws Exception {
        String code = newCode();
        mvc.perform(create(code, 10, Instant.now(), null)).andExpect(status().isCreated());

        List<Integer> answers = Simultaneous.run(8, operator -> {
            try {
                return mvc.perform(quantity(code, 20 + operator).header("If-Match", "\"0\"")).andReturn().getResponse()
                        .getStatus();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(answers).filteredOn(answer -> answer == 200).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer == 412).hasSize(7);
        Map<String, Object> row = jdbc.queryForMap("SELECT quantity, version FROM coupons WHERE code = ?", code);
        assertThat(row.get("version")).isEqualTo(1L);
        assertThat(redis.opsForHash().get(LedgerKeys.forCoupon(code).campaign(), CampaignFields.QUANTITY))
                .isEqualTo(row.get("quantity").toString());
        assertThat(audit(code)).hasSize(2);
    }

    @Test
    void changesTheQuantityButNeverBelowWhatWasIssued() throws Exception {
        String code = newCode();
        mvc.perform(create(code, 10, Instant.now().minusSeconds(1), null)).andExpect(status().isCreated());
        for (long member = 1; member <= 4; member++) {
            gateway().issue(code, member);
        }
        long couponId = jdbc.queryForObject("SELECT id FROM coupons WHERE code = ?", Long.class, code);
        jdbc.update("INSERT INTO coupon_issues (coupon_id, member_id, event_id, accepted_at) VALUES (?, 1, ?, NOW(3))",
                couponId, code + ":1");

        mvc.perform(quantity(code, 15)).andExpect(status().isOk()).andExpect(jsonPath("$.data.quantity").value(15))
                .andExpect(jsonPath("$.data.stock").value(11));
        assertThat(redis.opsForValue().get(LedgerKeys.forCoupon(code).stock())).isEqualTo("11");
        mvc.perform(quantity(code, 4)).andExpect(status().isOk());
        assertThat(redis.opsForValue().get(LedgerKeys.forCoupon(code).stock())).isEqualTo("0");
        Snapshot before = snapshot(code);

        // The ledger has issued 4, MySQL only 1: the ledger's count, taken in its atomic step, refuses it.
        refused(mvc.perform(quantity(code, 3)), 409, "CAMPAIGN-004");

        assertThat(snapshot(code)).isEqualTo(before);
    }

    /**
     * The sale goes on while the quantity is lowered: whichever comes first, no more are issued than the
     * quantity the campaign ends with, and stock + issued stays equal to it.
     */
    @Test
    void neverIssuesMoreThanALoweredQuantityWhileTheSaleGoesOn() throws Exception {
        for (int round = 0; round < 5; round++) {
            String code = newCode();
            mvc.perform(create(code, 40, Instant.now().minusSeconds(1), null)).andExpect(status().isCreated());

            Simultaneous.run(41, index -> {
                if (index == 40) {
                    try {
                        return mvc.perform(quantity(code, 20)).andReturn().getResponse().getStatus();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return (int) gateway().issue(code, index + 1);
            });

            LedgerKeys keys = LedgerKeys.forCoupon(code);
            int quantity = jdbc.queryForObject("SELECT quantity FROM coupons WHERE code = ?", Integer.class, code);
            long issued = redis.opsForZSet().zCard(keys.issued());
            long stock = Long.parseLong(redis.opsForValue().get(keys.stock()));
            assertThat(quantity).isIn(20, 40);
            assertThat(redis.opsForHash().get(keys.campaign(), CampaignFields.QUANTITY)).isEqualTo(Integer.toString(quantity));
            assertThat(issued).isLessThanOrEqualTo(quantity);
            assertThat(stock).isNotNegative();
            assertThat(stock + issued).isEqualTo(quantity);
        }
    }

    @Test
    void movesTheWindowBeforeTheSaleStartsAndOnlyItsEndAfter() throws Exception {
        String code = newCode();
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        mvc.perform(create(code, 10, tomorrow, null)).andExpect(status().isCreated());
        assertThat(gateway().issue(code, 1)).isEqualTo(GatewayIssueScript.NOT_OPEN);

        Instant now = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        mvc.perform(window(code, now, tomorrow)).andExpect(status().isOk())
                .andExpect(jsonPath("$.data.startsAt").value(now.toString()));
        LedgerKeys keys = LedgerKeys.forCoupon(code);
        assertThat(redis.opsForHash().get(keys.campaign(), CampaignFields.STARTS_AT))
                .isEqualTo(Long.toString(now.toEpochMilli()));
        assertThat(gateway().issue(code, 1)).isEqualTo(9);
        Snapshot selling = snapshot(code);

        refused(mvc.perform(window(code, now.plusSeconds(3600), tomorrow)), 409, "CAMPAIGN-003");
        refused(mvc.perform(window(code, now, now.minusSeconds(5))), 400, "COMMON-001");
        assertThat(snapshot(code)).isEqualTo(selling);

        mvc.perform(window(code, now, null)).andExpect(status().isOk()).andExpect(jsonPath("$.data.endsAt").doesNotExist());
        assertThat(redis.opsForHash().get(keys.campaign(), CampaignFields.ENDS_AT)).isEqualTo("");
    }

    @Test
    void readsListsAndAuditsWhoChangedWhat() throws Exception {
        String code = newCode();
        mvc.perform(create(code, 10, Instant.now(), null)).andExpect(status().isCreated());
        // Signed in as alice: the audit names the authenticated operator (the token's subject once tokens are asked for).
        mvc.perform(changeStatus(code, "PAUSED").with(jwt().jwt(token -> token.subject("alice")))).andExpect(status().isOk());

        mvc.perform(get("/api/v1/admin/campaigns/" + code)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.data.status").value("PAUSED"));
        mvc.perform(get("/api/v1/admin/campaigns").param("status", "PAUSED").param("size", "200"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.items[?(@.couponCode == '" + code + "')]").exists())
                .andExpect(jsonPath("$.data.items[?(@.status != 'PAUSED')]").isEmpty());
        mvc.perform(get("/api/v1/admin/campaigns").param("size", "1").param("page", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.items.length()").value(1))
                .andExpect(jsonPath("$.data.page").value(1))
                .andExpect(jsonPath("$.data.items[0].couponCode").value("FLASH100"));
        mvc.perform(get("/api/v1/admin/campaigns/" + code + "/audit"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.totalItems").value(2))
                .andExpect(jsonPath("$.data.items[0].action").value("PAUSED"))
                .andExpect(jsonPath("$.data.items[0].operator").value("alice"))
                .andExpect(jsonPath("$.data.items[0].before").value(containsString("\"ACTIVE\"")))
                .andExpect(jsonPath("$.data.items[0].after").value(containsString("\"PAUSED\"")));
        refused(mvc.perform(get("/api/v1/admin/campaigns/NOPE")), 404, "COUPON-001");
        refused(mvc.perform(get("/api/v1/admin/campaigns/NOPE/audit")), 404, "COUPON-001");
    }

    /**
     * DATETIME(3) holds no year past 9999 (MySQL refused the row, answered as a store outage), and a
     * year before 1 was written as another year: such times are refused, naming the field, and change
     * nothing in MySQL or Redis.
     */
    @Test
    void refusesTimesOutsideWhatTheStoresHoldAndChangesNothing() throws Exception {
        String code = newCode();
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        mvc.perform(create(code, 10, tomorrow, null)).andExpect(status().isCreated());
        Snapshot before = snapshot(code);
        long campaigns = jdbc.queryForObject("SELECT COUNT(*) FROM coupons", Long.class);
        String other = newCode();
        String range = "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z";

        refused(mvc.perform(create(other, "+10000-01-01T00:00:00Z", null)), 400, "COMMON-001")
                .andExpect(jsonPath("$.error.message").value("startsAt: " + range));
        refused(mvc.perform(create(other, "2026-12-01T09:00:00Z", "+10000-01-01T00:00:00Z")), 400, "COMMON-001")
                .andExpect(jsonPath("$.error.message").value("endsAt: " + range));
        refused(mvc.perform(create(other, "-0005-01-01T00:00:00Z", null)), 400, "COMMON-001")
                .andExpect(jsonPath("$.error.message").value("startsAt: " + range));
        refused(mvc.perform(create(other, "1969-12-31T23:59:59Z", null)), 400, "COMMON-001")
                .andExpect(jsonPath("$.error.message").value("startsAt: " + range));
        refused(mvc.perform(window(code, "+10000-01-01T00:00:00Z", null)), 400, "COMMON-001")
                .andExpect(jsonPath("$.error.message").value(endsWith(": " + range)));
        refused(mvc.perform(window(code, tomorrow.toString(), "+10000-01-01T00:00:00Z")), 400, "COMMON-001")
                .andExpect(jsonPath("$.error.message").value(endsWith(": " + range)));
        refused(mvc.perform(window(code, "-0005-01-01T00:00:00Z", null)), 400, "COMMON-001")
                .andExpect(jsonPath("$.error.message").value(endsWith(": " + range)));

        assertThat(snapshot(code)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupons", Long.class)).isEqualTo(campaigns);
        assertThat(redis.hasKey(LedgerKeys.forCoupon(other).campaign())).isFalse();
    }

    /** The range's ends are stored as they were given, in MySQL and in the ledger's epoch milliseconds. */
    @Test
    void storesTheFirstAndTheLastMillisecondOfTheRangeExactly() throws Exception {
        String code = newCode();

        mvc.perform(create(code, "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.data.startsAt").value("1970-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.data.endsAt").value("9999-12-31T23:59:59.999Z"));

        assertThat(jdbc.queryForObject("SELECT CONCAT(starts_at, ' / ', ends_at) FROM coupons WHERE code = ?", String.class,
                code)).isEqualTo("1970-01-01 00:00:00.000 / 9999-12-31 23:59:59.999");
        mvc.perform(get("/api/v1/admin/campaigns/" + code)).andExpect(status().isOk())
                .andExpect(jsonPath("$.data.startsAt").value("1970-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.data.endsAt").value("9999-12-31T23:59:59.999Z"));
        LedgerKeys keys = LedgerKeys.forCoupon(code);
        assertThat(redis.opsForHash().get(keys.campaign(), CampaignFields.STARTS_AT)).isEqualTo("0");
        assertThat(redis.opsForHash().get(keys.campaign(), CampaignFields.ENDS_AT))
                .isEqualTo(Long.toString(Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli()));
    }

    /**
     * Codes are exact in MySQL as in the ledger and the gateway: a code that differs only in case is
     * unknown until created, and then a campaign of its own with keys of its own.
     */
    @Test
    void aCodeThatDiffersOnlyInCaseIsACampaignOfItsOwn() throws Exception {
        String code = newCode();
        String lower = code.toLowerCase(Locale.ROOT);
        mvc.perform(create(code, 10, Instant.now().minusSeconds(1), null)).andExpect(status().isCreated());
        Snapshot upper = snapshot(code);

        refused(mvc.perform(get("/api/v1/admin/campaigns/" + lower)), 404, "COUPON-001");
        refused(mvc.perform(quantity(lower, 20)), 404, "COUPON-001");
        refused(mvc.perform(changeStatus(lower, "PAUSED")), 404, "COUPON-001");
        assertThat(snapshot(code)).isEqualTo(upper);

        mvc.perform(create(lower, 3, Instant.now().minusSeconds(1), null)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.data.couponCode").value(lower));
        mvc.perform(changeStatus(lower, "PAUSED")).andExpect(status().isOk());
        mvc.perform(quantity(lower, 5)).andExpect(status().isOk()).andExpect(jsonPath("$.data.stock").value(5));

        assertThat(snapshot(code)).usingRecursiveComparison().ignoringFields("auditEntries").isEqualTo(upper);
        assertThat(jdbc.queryForList("SELECT code FROM coupons WHERE code IN (?, ?) ORDER BY id", String.class, code, lower))
                .containsExactly(code, lower);
        assertThat(redis.opsForHash().get(LedgerKeys.forCoupon(lower).campaign(), CampaignFields.STATUS)).isEqualTo("PAUSED");
        assertThat(redis.opsForValue().get(LedgerKeys.forCoupon(lower).stock())).isEqualTo("5");
        assertThat(gateway().issue(code, 1)).isEqualTo(9);
        assertThat(gateway().issue(lower, 1)).isEqualTo(GatewayIssueScript.NOT_OPEN);
    }

    /**
     * A quantity lowered while the ledger has lost the campaign (a Redis restarted without it): the ledger
     * has nothing to lower, and provisioning writes the campaign with its new quantity.
     */
    @Test
    void changesTheQuantityOfACampaignTheLedgerHasLost() throws Exception {
        String code = newCode();
        mvc.perform(create(code, 10, Instant.now().minusSeconds(1), null)).andExpect(status().isCreated());
        LedgerKeys keys = LedgerKeys.forCoupon(code);
        redis.delete(List.of(keys.campaign(), keys.stock(), keys.issued()));

        mvc.perform(quantity(code, 8)).andExpect(status().isOk()).andExpect(jsonPath("$.data.stock").value(8));

        assertThat(redis.opsForHash().get(keys.campaign(), CampaignFields.QUANTITY)).isEqualTo("8");
        assertThat(redis.opsForValue().get(keys.stock())).isEqualTo("8");
    }

    /**
     * The audit's operator column holds 200 characters, and a token's subject may be longer: the change
     * goes through, audited under the subject's first 200 characters.
     */
    @Test
    void auditsAnOperatorWithALongSubjectByItsFirst200Characters() throws Exception {
        String code = newCode();
        mvc.perform(create(code, 10, Instant.now(), null)).andExpect(status().isCreated());
        String subject = "operator-".repeat(40);

        mvc.perform(changeStatus(code, "PAUSED").with(jwt().jwt(token -> token.subject(subject))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.data.status").value("PAUSED"));
        mvc.perform(quantity(code, 12).with(jwt().jwt(token -> token.subject(subject)))).andExpect(status().isOk());

        assertThat(audit(code)).extracting(entry -> entry.get("operator_name"))
                .containsExactly("local", subject.substring(0, 200), subject.substring(0, 200));
        assertThat(redis.opsForHash().get(LedgerKeys.forCoupon(code).campaign(), CampaignFields.STATUS)).isEqualTo("PAUSED");
        mvc.perform(get("/api/v1/admin/campaigns/" + code + "/audit")).andExpect(status().isOk())
                .andExpect(jsonPath("$.data.items[0].operator").value(subject.substring(0, 200)));
    }

    /** What each of these is answered is the slice test's; here, that none of them changes anything. */
    @Test
    void badInputChangesNothing() throws Exception {
        Snapshot before = snapshot("FLASH100");
        long campaigns = jdbc.queryForObject("SELECT COUNT(*) FROM coupons", Long.class);

        for (RequestBuilder request : AdminBadRequests.all()) {
            mvc.perform(request);
        }
        mvc.perform(create("NEW1", 10, Instant.now(), Instant.now().minusSeconds(60))).andExpect(status().isBadRequest());

        assertThat(snapshot("FLASH100")).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupons", Long.class)).isEqualTo(campaigns);
        assertThat(redis.hasKey(LedgerKeys.forCoupon("NEW1").campaign())).isFalse();
    }

    private static String newCode() {
        return "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static RequestBuilder create(String code, int quantity, Instant startsAt, Instant endsAt) {
        return newCampaign("{\"couponCode\":\"" + code + "\",\"name\":\"Test " + code + "\",\"quantity\":" + quantity
                + ",\"startsAt\":\"" + startsAt + "\"" + (endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"") + "}");
    }

    /** With the times as the JSON carries them, years beyond four digits or before 1 among them. */
    private static RequestBuilder create(String code, String startsAt, String endsAt) {
        return newCampaign("{\"couponCode\":\"" + code + "\",\"name\":\"Test " + code + "\",\"quantity\":10,\"startsAt\":\""
                + startsAt + "\"" + (endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"") + "}");
    }

    private static MockHttpServletRequestBuilder changeStatus(String code, String status) {
        return changeCampaign(code, "status", OperatorRequests.status(status));
    }

    private static MockHttpServletRequestBuilder quantity(String code, int quantity) {
        return changeCampaign(code, "quantity", "{\"quantity\":" + quantity + "}");
    }

    private static RequestBuilder window(String code, Instant startsAt, Instant endsAt) {
        return window(code, startsAt.toString(), endsAt == null ? null : endsAt.toString());
    }

    private static RequestBuilder window(String code, String startsAt, String endsAt) {
        return changeCampaign(code, "window",
                "{\"startsAt\":\"" + startsAt + "\"" + (endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"") + "}");
    }

    private static ResultActions refused(ResultActions answer, int status, String code) throws Exception {
        return AdminControllersTest.assertRefused(answer, status, code);
    }

    private List<Map<String, Object>> audit(String code) {
        return jdbc.queryForList("SELECT a.operator_name, a.action, a.before_state, a.after_state FROM campaign_audit a "
                + "JOIN coupons c ON c.id = a.coupon_id WHERE c.code = ? ORDER BY a.id", code);
    }

    private Snapshot snapshot(String code) {
        LedgerKeys keys = LedgerKeys.forCoupon(code);
        return new Snapshot(jdbc.queryForList("SELECT * FROM coupons WHERE code = ?", code),
                jdbc.queryForObject("SELECT COUNT(*) FROM campaign_audit", Long.class),
                redis.<String, String>opsForHash().entries(keys.campaign()), redis.opsForValue().get(keys.stock()),
                redis.opsForZSet().rangeWithScores(keys.issued(), 0, -1).size());
    }

    private record Snapshot(List<Map<String, Object>> row, long auditEntries, Map<String, String> ledgerCampaign,
            String stock, int issued) {
    }
}
