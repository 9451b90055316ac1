package com.flashsale.coupon.worker.admin;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.testsupport.EnvelopeMatchers;
import com.flashsale.coupon.worker.campaign.CampaignRefusal;
import com.flashsale.coupon.worker.campaign.CampaignStatus;
import com.flashsale.coupon.worker.campaign.CampaignView;
import com.flashsale.coupon.worker.campaign.LedgerNotUpdatedException;
import com.flashsale.coupon.worker.campaign.UnknownCampaignException;
import com.flashsale.coupon.worker.reconciliation.ReconciliationReport;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

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
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.data.campaigns").value(3))
                .andExpect(jsonPath("$.data.persistedFromRedis").value(1))
                .andExpect(jsonPath("$.data.restoredToRedis").value(2))
                .andExpect(jsonPath("$.data.stockCorrected").value(1))
                .andExpect(jsonPath("$.error").doesNotExist());
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
}
