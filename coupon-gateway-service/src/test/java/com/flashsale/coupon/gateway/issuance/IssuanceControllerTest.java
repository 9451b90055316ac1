package com.flashsale.coupon.gateway.issuance;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.gateway.web.GatewayWebMvcTest;
import com.flashsale.coupon.testsupport.EnvelopeMatchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A member's issuance read, as the web layer takes its query: the parameters it reads, each once,
 * or a refusal before the ledger is asked.
 */
@GatewayWebMvcTest(IssuanceController.class)
class IssuanceControllerTest {

    private static final String PATH = "/api/v1/coupons/FLASH100/issuance";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IssuedLedger ledger;

    @Test
    void answersTheMemberItNames() throws Exception {
        given(ledger.holding("FLASH100", 7)).willReturn(new IssuedLedger.Holding.NotIssued());

        mvc.perform(get(PATH + "?memberId=7"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.memberId").value(7))
                .andExpect(jsonPath("$.data.issued").value(false));
    }

    @ParameterizedTest
    @ValueSource(strings = { "?memberId=7&memberId=8", "?memberId=7&dryRun=true", "?member=7" })
    void refusesAQueryItDoesNotReadOrCouldReadTwoWays(String query) throws Exception {
        mvc.perform(get(PATH + query)).andExpect(EnvelopeMatchers.refused(400, "COMMON-001"));

        verifyNoInteractions(ledger);
    }

    @Test
    void answersAUrlTheFirewallRefusesInTheEnvelope() throws Exception {
        mvc.perform(get("/api/v1/coupons/FLASH100;memberId=8/issuance?memberId=7"))
                .andExpect(EnvelopeMatchers.refused(400, "COMMON-001"));

        verifyNoInteractions(ledger);
    }

    @Test
    void namesTheParameterItDoesNotRead() throws Exception {
        mvc.perform(get(PATH + "?memberId=7&dryRun=true"))
                .andExpect(jsonPath("$.error.message").value("Unknown query parameter 'dryRun': this endpoint reads memberId."));
    }
}
