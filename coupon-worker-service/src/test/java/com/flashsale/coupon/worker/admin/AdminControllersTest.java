package com.flashsale.coupon.worker.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.worker.reconciliation.ReconciliationReport;
import com.flashsale.coupon.worker.reconciliation.ReconciliationRunner;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

/**
 * How the operator endpoints (open, under the {@code local} profile) answer what they refuse: bad
 * input before anything is asked, and the failures of the administration behind them, each with its
 * status and error code. What reaches MySQL and Redis is {@link AdminEndpointsIntegrationTest}'s.
 */
@WebMvcTest
@Import(OperatorSecurityConfig.class)
@ActiveProfiles("local")
class AdminControllersTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CouponAdministration coupons;

    @MockitoBean
    MemberAdministration members;

    @MockitoBean
    SaleReset reset;

    @MockitoBean
    ReconciliationRunner reconciliation;

    @Test
    void rejectsBadInputBeforeAskingAnything() throws Exception {
        for (RequestBuilder request : AdminBadRequests.all()) {
            assertRefused(mvc.perform(request), 400, "COMMON-001");
        }
        verifyNoInteractions(coupons, members, reset, reconciliation);
    }

    @Test
    void answersNotFoundForAnUnknownCouponOrMember() throws Exception {
        given(coupons.changeQuantity(anyString(), anyInt())).willThrow(new UnknownCouponException("NOPE"));
        given(coupons.changeStatus(anyString(), any())).willThrow(new UnknownCouponException("NOPE"));
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

        assertRefused(mvc.perform(post("/api/test/reset")), 503, "COMMON-002");
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

    private static ResultActions assertRefused(ResultActions answer, int status, String code) throws Exception {
        return answer.andExpect(status().is(status))
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.error.code").value(code))
                .andExpect(jsonPath("$.error.message").isNotEmpty())
                .andExpect(jsonPath("$.timestamp").exists());
    }
}
