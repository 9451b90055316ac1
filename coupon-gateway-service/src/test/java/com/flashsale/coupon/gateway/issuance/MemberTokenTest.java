package com.flashsale.coupon.gateway.issuance;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.gateway.web.GatewayWebMvcTest;
import com.flashsale.coupon.gateway.web.TokenVerifyingSlice;
import com.flashsale.coupon.kit.token.ForgedTokens;
import com.flashsale.coupon.testsupport.EnvelopeMatchers;
import java.time.Instant;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * How the member endpoints answer who asks, through the real security chain and the real decoder
 * with tokens signed by a test issuer: 401 for anything that does not prove who sent it, 403 for a
 * valid token that asks for someone else, and the token's member otherwise. That none of the refusals
 * changes a store is checked against the real ones in {@code ApiSecurityIntegrationTest}.
 */
@GatewayWebMvcTest({IssueController.class, IssuanceController.class})
class MemberTokenTest extends TokenVerifyingSlice {

    @MockitoBean
    CouponIssuer issuer;

    @MockitoBean
    IssuedLedger ledger;

    @Test
    void issuesToTheTokensMemberWhenTheBodyNamesNone() throws Exception {
        given(issuer.issue("FLASH100", 7)).willReturn(IssueOutcome.ISSUED);

        mvc.perform(issue("{\"couponCode\":\"FLASH100\"}").header("Authorization", "Bearer " + tokens.member(7)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.memberId").value(7));
        verify(issuer).issue("FLASH100", 7);
    }

    @Test
    void acceptsABodyThatNamesTheTokensOwnMember() throws Exception {
        given(issuer.issue("FLASH100", 7)).willReturn(IssueOutcome.ISSUED);

        mvc.perform(issue("{\"couponCode\":\"FLASH100\",\"memberId\":7}").header("Authorization", "Bearer " + tokens.member(7)))
                .andExpect(status().isOk());
    }

    @Test
    void refusesAMemberAskingForAnother() throws Exception {
        assertRefused(mvc.perform(issue("{\"couponCode\":\"FLASH100\",\"memberId\":8}")
                .header("Authorization", "Bearer " + tokens.member(7))), 403, "AUTH-002");
        assertRefused(mvc.perform(get("/api/v1/coupons/FLASH100/issuance").param("memberId", "8")
                .header("Authorization", "Bearer " + tokens.member(7))), 403, "AUTH-002");
        verifyNoInteractions(issuer, ledger);
    }

    @Test
    void refusesATokenThatNamesNoMember() throws Exception {
        assertRefused(mvc.perform(issue("{\"couponCode\":\"FLASH100\",\"memberId\":1}")
                .header("Authorization", "Bearer " + tokens.operator())), 403, "AUTH-002");
        verifyNoInteractions(issuer);
    }

    @ParameterizedTest
    @ValueSource(strings = { "042", "+42", "0", "-42", "42 ", "4.2e1" })
    void refusesATokenThatNamesAMemberOnlyOneWayOfReadingIt(String subject) throws Exception {
        assertRefused(mvc.perform(issue("{\"couponCode\":\"FLASH100\"}")
                .header("Authorization", "Bearer " + tokens.token(subject, null))), 403, "AUTH-002");
        verifyNoInteractions(issuer);
    }

    @Test
    void asksForATokenWhenThereIsNone() throws Exception {
        assertRefused(mvc.perform(issue("{\"couponCode\":\"FLASH100\",\"memberId\":7}")), 401, "AUTH-001")
                .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")));
        assertRefused(mvc.perform(get("/api/v1/coupons/FLASH100/issuance")), 401, "AUTH-001");
        verifyNoInteractions(issuer, ledger);
    }

    @Test
    void refusesEveryTokenThatDoesNotProveWhoSentIt() throws Exception {
        for (Map.Entry<String, String> token : ForgedTokens.invalidTokens(tokens, "7").entrySet()) {
            assertRefused(mvc.perform(issue("{\"couponCode\":\"FLASH100\"}")
                    .header("Authorization", "Bearer " + token.getValue())), 401, "AUTH-001")
                    .andExpect(header().string("WWW-Authenticate", Matchers.containsString("error=\"invalid_token\"")));
        }
        verifyNoInteractions(issuer);
    }

    @Test
    void answersTheTokensMembersOwnIssuance() throws Exception {
        given(ledger.holding("FLASH100", 7)).willReturn(new IssuedLedger.Holding.Issued(Instant.parse("2026-11-23T12:00:00Z")));
        given(ledger.holding("FLASH100", 8)).willReturn(new IssuedLedger.Holding.NotIssued());
        given(ledger.holding("NOPE", 7)).willReturn(new IssuedLedger.Holding.UnknownCoupon());

        mvc.perform(get("/api/v1/coupons/FLASH100/issuance").header("Authorization", "Bearer " + tokens.member(7)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.memberId").value(7))
                .andExpect(jsonPath("$.data.issued").value(true))
                .andExpect(jsonPath("$.data.issuedAt").value("2026-11-23T12:00:00Z"));
        mvc.perform(get("/api/v1/coupons/FLASH100/issuance").header("Authorization", "Bearer " + tokens.member(8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.issued").value(false))
                .andExpect(jsonPath("$.data.issuedAt").doesNotExist());
        assertRefused(mvc.perform(get("/api/v1/coupons/NOPE/issuance").header("Authorization", "Bearer " + tokens.member(7))),
                404, "COUPON-001");
    }

    @Test
    void refusesABadCouponCodeBeforeReadingTheLedger() throws Exception {
        assertRefused(mvc.perform(get("/api/v1/coupons/{code}/issuance", "FLA}SH")
                .header("Authorization", "Bearer " + tokens.member(7))), 400, "COMMON-001");
        assertRefused(mvc.perform(get("/api/v1/coupons/FLASH100/issuance").param("memberId", "abc")
                .header("Authorization", "Bearer " + tokens.member(7))), 400, "COMMON-001");
        verifyNoInteractions(ledger);
    }

    private static MockHttpServletRequestBuilder issue(String body) {
        return post(BadIssueRequests.PATH).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static ResultActions assertRefused(ResultActions answer, int status, String code) throws Exception {
        return answer.andExpect(EnvelopeMatchers.refused(status, code));
    }
}
