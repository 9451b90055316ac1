package com.flashsale.coupon.worker.admin;

import static com.flashsale.coupon.worker.admin.OperatorRequests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.testsupport.EnvelopeMatchers;
import com.flashsale.coupon.worker.campaign.AuditAction;
import com.flashsale.coupon.worker.campaign.AuditEntryView;
import com.flashsale.coupon.worker.campaign.CampaignRefusal;
import com.flashsale.coupon.worker.campaign.CampaignStatus;
import com.flashsale.coupon.worker.campaign.CampaignView;
import com.flashsale.coupon.worker.campaign.LedgerNotUpdatedException;
import com.flashsale.coupon.worker.campaign.UnknownCampaignException;
import com.flashsale.coupon.worker.reconciliation.ReconciliationReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * How the operator endpoints (open, under the {@code local} profile) answer what they refuse: bad
 * input before anything is asked, and the failures of the features behind them, each with its
 * status and error code. What reaches MySQL and Redis is the integration tests'.
 */
@ActiveProfiles("local")
class AdminControllersTest extends OperatorEndpointsSlice {


    @Test
    void rejectsBadInputBeforeAskingAnything() throws Exception {
        for (RequestBuilder request : AdminBadRequests.all()) {
            assertRefused(mvc.perform(request), 400, "COMMON-001");
        }
        verifyNoInteractions(campaigns, issuances, replay, members, reset, reconciliation);
    }

    @Test
    void readsAndAnswersJsonOnlyAndSaysSoInJson() throws Exception {
        for (AdminBadRequests.Refusal refusal : AdminBadRequests.outsideJson()) {
            assertRefused(mvc.perform(refusal.request()), refusal.status(), "COMMON-001");
        }
        verifyNoInteractions(campaigns, issuances, replay, members, reset, reconciliation);
    }

    @Test
    void refusesABodyTooLargeOrOfUnknownLengthBeforeReadingIt() throws Exception {
        assertRefused(mvc.perform(post("/api/v1/admin/campaigns").contentType(MediaType.APPLICATION_JSON)
                .content(AdminBadRequests.campaign("\"name\":\"New" + " ".repeat(5_000) + "\""))), 413, "COMMON-003");
        assertRefused(mvc.perform(put("/api/v1/admin/campaigns/FLASH100/status").contentType(MediaType.APPLICATION_JSON)
                .header("Transfer-Encoding", "chunked")), 411, "COMMON-001");
        verifyNoInteractions(campaigns);
    }

    @Test
    void namesTheQueryParameterItDoesNotRead() throws Exception {
        assertInvalid(post("/api/v1/admin/campaigns/FLASH100/failed-issuances/replay?dryRun=true"),
                "Unknown query parameter 'dryRun': this endpoint reads none.");
        verifyNoInteractions(replay);
    }

    @Test
    void namesTheBodysFieldItCouldNotReadAndTheValuesItTakes() throws Exception {
        assertInvalid(json(put("/api/v1/admin/campaigns/FLASH100/status"), "{\"status\":2}"),
                "status: must be one of ACTIVE, PAUSED, ENDED.");
        assertInvalid(json(post("/api/v1/admin/campaigns"), AdminBadRequests.campaign("\"startsAt\":1796115600")),
                "startsAt: must be an ISO-8601 instant such as 2026-12-01T09:00:00Z.");
        verifyNoInteractions(campaigns);
    }

    @Test
    void namesTheBodysFieldThatIsMissing() throws Exception {
        assertInvalid(json(put("/api/v1/admin/campaigns/FLASH100/quantity"), "{}"), "quantity: must not be null");
    }

    /** DATETIME holds no year past 9999, and yyyy once wrote the year -5 as 0006: refused before any store is asked. */
    @Test
    void refusesCampaignTimesTheStoresCannotHoldNamingTheFieldAndTheRange() throws Exception {
        String range = "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z";

        assertInvalid(json(post("/api/v1/admin/campaigns"),
                AdminBadRequests.campaign("\"startsAt\":\"+10000-01-01T00:00:00Z\"")), "startsAt: " + range);
        assertInvalid(json(post("/api/v1/admin/campaigns"),
                AdminBadRequests.campaign("\"startsAt\":\"-0005-01-01T00:00:00Z\"")), "startsAt: " + range);
        assertInvalid(json(post("/api/v1/admin/campaigns"),
                AdminBadRequests.campaign("\"startsAt\":\"2026-12-01T09:00:00Z\",\"endsAt\":\"+10000-01-01T00:00:00Z\"")),
                "endsAt: " + range);
        assertInvalid(json(put("/api/v1/admin/campaigns/SPRING25/window"),
                "{\"startsAt\":\"+10000-01-01T00:00:00Z\",\"endsAt\":\"2026-12-01T10:00:00Z\"}"), "startsAt: " + range);
        verifyNoInteractions(campaigns);
    }

    @Test
    void takesTheFirstAndTheLastMillisecondOfTheRange() throws Exception {
        given(campaigns.create(eq("SPRING25"), eq("Spring sale"), eq(500), eq(Instant.parse("1970-01-01T00:00:00Z")),
                eq(Instant.parse("9999-12-31T23:59:59.999Z")), eq("local"))).willReturn(withVersion(0));

        mvc.perform(post("/api/v1/admin/campaigns").contentType(MediaType.APPLICATION_JSON).content("""
                {"couponCode":"SPRING25","name":"Spring sale","quantity":500,"startsAt":"1970-01-01T00:00:00Z",
                "endsAt":"9999-12-31T23:59:59.999Z"}"""))
                .andExpect(status().isCreated());
    }

    /** A character beyond the basic plane is one character, whole; only a broken one or a control character is refused. */
    @Test
    void takesANameWithACharacterBeyondTheBasicPlane() throws Exception {
        given(campaigns.create(eq("SPRING25"), eq("Spring \ud83c\udf38 sale"), eq(500), eq(Instant.parse("2026-12-01T09:00:00Z")),
                eq(null), eq("local"))).willReturn(withVersion(0));

        mvc.perform(post("/api/v1/admin/campaigns").contentType(MediaType.APPLICATION_JSON).content("""
                {"couponCode":"SPRING25","name":"Spring \ud83c\udf38 sale","quantity":500,"startsAt":"2026-12-01T09:00:00Z"}"""))
                .andExpect(status().isCreated());
    }

    /** page * size is the offset JPA takes as an int: a page past the bound is the client's mistake, not a store's. */
    @Test
    void refusesAPagePastTheBoundOnEveryListNamingTheParameter() throws Exception {
        for (String list : List.of("/api/v1/admin/campaigns", "/api/v1/admin/campaigns/FLASH100/audit",
                "/api/v1/admin/campaigns/FLASH100/holders", "/api/v1/admin/campaigns/FLASH100/failed-issuances")) {
            assertInvalid(get(list).param("page", "2147483647").param("size", "200"),
                    "page: must be less than or equal to 1000000");
        }
        verifyNoInteractions(campaigns, issuances);
    }

    @Test
    void refusesAStockInitCodeOfAnotherShape() throws Exception {
        for (String code : List.of("FLASH100 ", "FLASH100!", "")) {
            assertInvalid(post("/api/v1/coupons/stock/init").param("couponCode", code).param("quantity", "10"),
                    "couponCode: must be 1-64 letters, digits, '-' or '_'");
        }
        verifyNoInteractions(campaigns);
    }

    @Test
    void answersAWrongMethodOrMediaTypeInTheEnvelope() throws Exception {
        assertRefused(mvc.perform(delete("/api/v1/admin/campaigns/FLASH100")), 405, "COMMON-001");
        assertRefused(mvc.perform(post("/api/v1/admin/campaigns").contentType(MediaType.TEXT_PLAIN).content("x")),
                415, "COMMON-001");
        verifyNoInteractions(campaigns);
    }

    @Test
    void createsACampaignWithItsLocationAndVersion() throws Exception {
        given(campaigns.create(eq("SPRING25"), eq("Spring sale"), eq(500), eq(Instant.parse("2026-12-01T09:00:00Z")),
                isNull(), eq("local"))).willReturn(withVersion(0));

        mvc.perform(post("/api/v1/admin/campaigns").contentType(MediaType.APPLICATION_JSON).content("""
                {"couponCode":"SPRING25","name":"Spring sale","quantity":500,"startsAt":"2026-12-01T09:00:00Z"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/admin/campaigns/SPRING25"))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.data.couponCode").value("SPRING25"))
                .andExpect(jsonPath("$.data.status").value("ACTIVE"));
    }

    /** The ETag a client holds is still the campaign's version: 304, no body; once it moved, the campaign. */
    @Test
    void answersNotModifiedWhileIfNoneMatchNamesTheCurrentVersion() throws Exception {
        given(campaigns.find("SPRING25")).willReturn(SPRING25);

        mvc.perform(get("/api/v1/admin/campaigns/SPRING25").header("If-None-Match", "\"3\""))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(content().string(""));
        mvc.perform(get("/api/v1/admin/campaigns/SPRING25").header("If-None-Match", "\"2\""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.data.version").value(3));
    }

    /** If-Match on a read, as HTTP has it for any method: another version than the campaign's is a 412. */
    @Test
    void refusesAReadWhoseIfMatchNamesAnotherVersion() throws Exception {
        given(campaigns.find("SPRING25")).willReturn(SPRING25);

        assertRefused(mvc.perform(get("/api/v1/admin/campaigns/SPRING25").header("If-Match", "\"1\"")), 412, "CAMPAIGN-005")
                .andExpect(jsonPath("$.error.message").value(org.hamcrest.Matchers.startsWith(
                        "campaign SPRING25 is at version 3, not 1")));
        for (String current : List.of("\"3\"", "*")) {
            mvc.perform(get("/api/v1/admin/campaigns/SPRING25").header("If-Match", current))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"3\""))
                    .andExpect(jsonPath("$.data.version").value(3));
        }
    }

    /** A creation has no state before it: its audit entry sends before as null, as described. */
    @Test
    void sendsTheAuditEntrysBeforeAsNullForACreation() throws Exception {
        AuditEntryView created = new AuditEntryView(1, "local", AuditAction.CREATED, null,
                "{\"couponCode\":\"SPRING25\",\"version\":0}", Instant.parse("2026-11-30T09:00:00Z"));
        given(campaigns.audit("SPRING25", 0, 20)).willReturn(new PageImpl<>(List.of(created), PageRequest.of(0, 20), 1));

        String answer = mvc.perform(get("/api/v1/admin/campaigns/SPRING25/audit"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.items[0].action").value("CREATED"))
                .andReturn().getResponse().getContentAsString();

        assertThat(answer).contains("\"before\":null");
    }

    @Test
    void passesTheIfMatchVersionAndAnswersTheNewOneAsETag() throws Exception {
        given(campaigns.changeStatus("SPRING25", CampaignStatus.PAUSED, 3L, "local")).willReturn(withVersion(4));

        mvc.perform(put("/api/v1/admin/campaigns/SPRING25/status").header("If-Match", "\"3\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"PAUSED\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""))
                .andExpect(jsonPath("$.data.version").value(4));
        given(campaigns.changeQuantity("SPRING25", 600, null, "local")).willReturn(withVersion(5));

        mvc.perform(put("/api/v1/admin/campaigns/SPRING25/quantity").header("If-Match", "*")
                .contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":600}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"5\""));
    }

    @Test
    void answersEachRefusalOfTheCampaignWithItsOwnCode() throws Exception {
        assertCampaignRefusal(CampaignRefusal.Reason.CODE_TAKEN, 409, "CAMPAIGN-001");
        assertCampaignRefusal(CampaignRefusal.Reason.ENDED, 409, "CAMPAIGN-002");
        assertCampaignRefusal(CampaignRefusal.Reason.SALE_STARTED, 409, "CAMPAIGN-003");
        assertCampaignRefusal(CampaignRefusal.Reason.BELOW_ISSUED, 409, "CAMPAIGN-004");
        assertCampaignRefusal(CampaignRefusal.Reason.STALE_VERSION, 412, "CAMPAIGN-005");
        assertCampaignRefusal(CampaignRefusal.Reason.INVALID_WINDOW, 400, "COMMON-001");
    }

    @Test
    void answersNotFoundForAnUnknownCouponOrMember() throws Exception {
        given(campaigns.initStock(anyString(), anyInt(), anyString())).willThrow(new UnknownCampaignException("NOPE"));
        given(campaigns.changeStatus(anyString(), any(), any(), anyString()))
                .willThrow(new UnknownCampaignException("NOPE"));
        given(members.changeStatus(anyLong(), any())).willThrow(new UnknownMemberException(999_999));

        assertRefused(mvc.perform(post("/api/v1/coupons/stock/init").param("couponCode", "NOPE")
                .param("quantity", "10")), 404, "COUPON-001")
                .andExpect(jsonPath("$.error.message").value("no coupon with code 'NOPE'"));
        assertRefused(mvc.perform(put("/api/v1/admin/campaigns/NOPE/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"PAUSED\"}")), 404, "COUPON-001");
        assertRefused(mvc.perform(put("/api/v1/admin/members/999999/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"INACTIVE\"}")), 404, "MEMBER-001")
                .andExpect(jsonPath("$.error.message").value("no member with id 999999"));
    }

    @Test
    void answersServiceUnavailableWhileADataStoreIsAway() throws Exception {
        given(reset.reset()).willThrow(new DataAccessResourceFailureException("Connection refused"));
        given(campaigns.changeStatus(anyString(), any(), any(), anyString())).willThrow(
                new LedgerNotUpdatedException("SPRING25", new DataAccessResourceFailureException("Connection refused")));

        assertRefused(mvc.perform(post("/api/test/reset")), 503, "COMMON-002");
        assertRefused(mvc.perform(put("/api/v1/admin/campaigns/SPRING25/status").contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"PAUSED\"}")), 503, "COMMON-002")
                .andExpect(jsonPath("$.error.message").value(org.hamcrest.Matchers.containsString("is saved")));
    }

    /** Every failure that means a store was out of reach or too slow: a retry may succeed. */
    @Test
    void answersServiceUnavailableForEveryKindOfOutage() throws Exception {
        assertEachFailedReadAnswered(StoreFailures.OUTAGES, 503, "COMMON-002", "a data store is unavailable, try again");
    }

    /** A store that answered, but refused what the worker asked: a retry fails the same way, so no "try again". */
    @Test
    void answersAnInternalErrorForAStoreFailureThatIsNoOutage() throws Exception {
        assertEachFailedReadAnswered(StoreFailures.NO_OUTAGES, 500, "COMMON-500", "Unexpected error.");
    }

    @Test
    void answersConflictWhileAnotherReplicaReconciles() throws Exception {
        given(reconciliation.runNow()).willReturn(Optional.empty());

        assertRefused(mvc.perform(post("/api/v1/admin/reconciliation")), 409, "COMMON-004")
                .andExpect(jsonPath("$.error.message")
                        .value("Another worker replica is reconciling right now; try again when it has finished."));
    }

    @Test
    void answersWhatReconciliationFoundAndRepaired() throws Exception {
        given(reconciliation.runNow()).willReturn(Optional.of(new ReconciliationReport(3, 1, 0, 2, 1)));

        mvc.perform(post("/api/v1/admin/reconciliation"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"success": true, "data": {"campaigns": 3, "persistedFromRedis": 1, "restoredToRedis": 2,
                                                   "stockCorrected": 1}}"""))
                .andExpect(jsonPath("$.error").doesNotExist());
    }

    /** Each failure in turn thrown by the read of SPRING25, and the read refused with the same answer. */
    private void assertEachFailedReadAnswered(List<RuntimeException> failures, int status, String code, String message)
            throws Exception {
        for (RuntimeException failure : failures) {
            willThrow(failure).given(campaigns).find("SPRING25");

            assertRefused(mvc.perform(get("/api/v1/admin/campaigns/SPRING25")), status, code)
                    .andExpect(jsonPath("$.error.message").value(message));
        }
    }

    private void assertCampaignRefusal(CampaignRefusal.Reason reason, int status, String code) throws Exception {
        willThrow(new CampaignRefusal(reason, "refused: " + reason)).given(campaigns)
                .moveWindow(anyString(), any(), any(), any(), anyString());
        assertRefused(mvc.perform(put("/api/v1/admin/campaigns/SPRING25/window")
                .contentType(MediaType.APPLICATION_JSON).content("{\"startsAt\":\"2026-12-01T10:00:00Z\"}")), status, code)
                .andExpect(jsonPath("$.error.message").value("refused: " + reason));
    }

    private static CampaignView withVersion(long version) {
        return new CampaignView(SPRING25.id(), SPRING25.couponCode(), SPRING25.name(), SPRING25.quantity(), SPRING25.status(),
                SPRING25.startsAt(), SPRING25.endsAt(), version, null);
    }

    static ResultActions assertRefused(ResultActions answer, int status, String code) throws Exception {
        return answer.andExpect(EnvelopeMatchers.refused(status, code));
    }

    /** Refused as malformed (400 COMMON-001), with the message that names what was wrong. */
    private void assertInvalid(MockHttpServletRequestBuilder request, String message) throws Exception {
        assertRefused(mvc.perform(request), 400, "COMMON-001").andExpect(jsonPath("$.error.message").value(message));
    }
}
