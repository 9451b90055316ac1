package com.flashsale.coupon.worker.admin;

import static com.flashsale.coupon.worker.admin.OperatorRequests.changeCampaign;
import static com.flashsale.coupon.worker.admin.OperatorRequests.status;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.kit.token.ForgedTokens;
import com.flashsale.coupon.kit.token.TokenIssuer;
import com.flashsale.coupon.testsupport.EnvelopeMatchers;
import com.flashsale.coupon.worker.campaign.CampaignStatus;
import com.flashsale.coupon.worker.campaign.CampaignView;
import com.flashsale.coupon.worker.reconciliation.ReconciliationReport;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Who may call the operator endpoints, through the real security chain and decoder with tokens signed
 * by a test issuer: an operator (scope {@code coupon:admin}), nobody else. That the refusals change
 * nothing in MySQL or Redis is {@code OperatorSecurityIntegrationTest}'s.
 */
class OperatorTokenTest extends TokenVerifyingSlice {

    @Test
    void servesAnOperator() throws Exception {
        given(reconciliation.runNow()).willReturn(Optional.of(new ReconciliationReport(3, 0, 0, 0, 0)));

        mvc.perform(post("/api/v1/admin/reconciliation").header("Authorization", "Bearer " + tokens.operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.campaigns").value(3));
    }

    @Test
    void namesTheTokensOperatorInTheChange() throws Exception {
        CampaignView ended = new CampaignView(4, "SPRING25", "Spring sale", 500, CampaignStatus.ENDED,
                Instant.parse("2026-12-01T09:00:00Z"), null, 4, null);
        given(campaigns.changeStatus("SPRING25", CampaignStatus.ENDED, null, "operator")).willReturn(ended);

        mvc.perform(changeCampaign("SPRING25", "status", status("ENDED"))
                .header("Authorization", "Bearer " + tokens.operator()))
                .andExpect(status().isOk());
        then(campaigns).should().changeStatus("SPRING25", CampaignStatus.ENDED, null, "operator");
    }

    /** The audit's column holds 200 characters: a longer subject is kept to them, and the change goes through. */
    @Test
    void namesAnOperatorWithALongSubjectByItsFirst200Characters() throws Exception {
        String subject = "o".repeat(190) + "perator-with-a-long-subject";
        given(campaigns.changeStatus("SPRING25", CampaignStatus.PAUSED, null, subject.substring(0, 200)))
                .willReturn(new CampaignView(4, "SPRING25", "Spring sale", 500, CampaignStatus.PAUSED,
                        Instant.parse("2026-12-01T09:00:00Z"), null, 4, null));

        mvc.perform(changeCampaign("SPRING25", "status", status("PAUSED"))
                .header("Authorization", "Bearer " + tokens.token(subject, TokenIssuer.OPERATOR_SCOPE)))
                .andExpect(status().isOk());
        then(campaigns).should().changeStatus("SPRING25", CampaignStatus.PAUSED, null, subject.substring(0, 200));
    }

    @Test
    void asksAnonymousCallersForAToken() throws Exception {
        assertRefused(mvc.perform(post("/api/v1/admin/reconciliation")), 401, "AUTH-001")
                .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")));
        verifyNoInteractions(reconciliation);
    }

    @Test
    void refusesAMembersToken() throws Exception {
        assertRefused(mvc.perform(post("/api/v1/admin/reconciliation").header("Authorization", "Bearer " + tokens.member(7))),
                403, "AUTH-002")
                .andExpect(header().string("WWW-Authenticate", Matchers.containsString("insufficient_scope")));
        verifyNoInteractions(reconciliation);
    }

    @Test
    void refusesEveryOperatorTokenThatDoesNotProveWhoSentIt() throws Exception {
        for (Map.Entry<String, String> token : ForgedTokens.invalidTokens(tokens, "operator").entrySet()) {
            assertRefused(mvc.perform(post("/api/v1/admin/reconciliation").header("Authorization", "Bearer " + token.getValue())),
                    401, "AUTH-001")
                    .andExpect(header().string("WWW-Authenticate", Matchers.containsString("error=\"invalid_token\"")));
        }
        verifyNoInteractions(reconciliation);
    }

    private static ResultActions assertRefused(ResultActions answer, int status, String code) throws Exception {
        return answer.andExpect(EnvelopeMatchers.refused(status, code));
    }
}
