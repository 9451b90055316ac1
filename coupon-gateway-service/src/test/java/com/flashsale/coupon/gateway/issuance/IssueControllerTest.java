package com.flashsale.coupon.gateway.issuance;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.gateway.web.GatewayWebMvcTest;
import com.flashsale.coupon.testsupport.EnvelopeMatchers;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * How the issue endpoint answers what never reaches a decision: bad input, refused by the web
 * layer before the issuer is asked, and failures of Redis, mapped to their answer. That the
 * refusals leave the ledger untouched is checked against the real one, in {@link IssueApiIntegrationTest}.
 */
@GatewayWebMvcTest(IssueController.class)
class IssueControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CouponIssuer issuer;

    @ParameterizedTest
    @FieldSource("com.flashsale.coupon.gateway.issuance.BadIssueRequests#MALFORMED_BODIES")
    void refusesMalformedRequests(String body) throws Exception {
        assertRefusedBeforeDeciding(issue(body), 400, "COMMON-001");
    }

    @Test
    void refusesOversizedBody() throws Exception {
        assertRefusedBeforeDeciding(issue(BadIssueRequests.OVERSIZED_BODY), 413, "COMMON-003");
    }

    @Test
    void refusesWrongMediaTypeAndMethod() throws Exception {
        assertRefusedBeforeDeciding(post(BadIssueRequests.PATH).contentType(MediaType.TEXT_PLAIN)
                .content(BadIssueRequests.FORM_BODY), 415, "COMMON-001");
        assertRefusedBeforeDeciding(get(BadIssueRequests.PATH), 405, "COMMON-001");
        // What curl sends without a Content-Type: a form, not fields of a query.
        assertRefusedBeforeDeciding(post(BadIssueRequests.PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(BadIssueRequests.VALID_BODY), 415, "COMMON-001");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"couponCode":"FLASH100","memberId":"1"}           | memberId: must be a whole number.
            {"couponCode":"FLASH100","memberId":1.5}           | memberId: must be a whole number.
            {"couponCode":123,"memberId":1}                    | couponCode: must be text.
            {"couponCode":"FLASH100","memberId":1,"quantity":5} | 'quantity' is not a field of this request.
            """)
    void namesTheFieldItCouldNotReadAndWhatItTakes(String body, String message) throws Exception {
        assertRefused(mvc.perform(issue(body)), 400, "COMMON-001").andExpect(jsonPath("$.error.message").value(message));
        verifyNoInteractions(issuer);
    }

    @Test
    void refusesABodyThatDoesNotSayItsLength() throws Exception {
        assertRefusedBeforeDeciding(post(BadIssueRequests.PATH).contentType(MediaType.APPLICATION_JSON)
                .header("Transfer-Encoding", "chunked"), 411, "COMMON-001");
    }

    @Test
    void readsJsonOnly() throws Exception {
        assertRefusedBeforeDeciding(post(BadIssueRequests.PATH).contentType("application/yaml")
                .content(BadIssueRequests.YAML_BODY), 415, "COMMON-001");
    }

    @ParameterizedTest
    @FieldSource("com.flashsale.coupon.gateway.issuance.BadIssueRequests#NOT_JSON_ACCEPTED")
    void refusesBeforeDecidingWhenTheAnswerCouldNotBeJsonAndSaysSoInJson(String accept) throws Exception {
        assertRefusedBeforeDeciding(issue(BadIssueRequests.VALID_BODY).accept(accept), 406, "COMMON-001");
    }

    @Test
    void answersServiceUnavailableWhateverKeepsRedisFromAnswering() throws Exception {
        given(issuer.issue(anyString(), anyLong()))
                .willThrow(new RedisConnectionException("Unable to connect"))
                .willThrow(new RedisCommandTimeoutException("Command timed out after 1 second(s)"));

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertRefused(mvc.perform(issue("{\"couponCode\":\"FLASH100\",\"memberId\":1}")), 503, "COMMON-002")
                    .andExpect(jsonPath("$.error.message").value(
                            "Coupon issuance is temporarily unavailable. Please try again shortly: "
                                    + "a retry never issues a second coupon."));
        }
    }

    @Test
    void answersInternalErrorToAnythingUnexpected() throws Exception {
        given(issuer.issue(anyString(), anyLong())).willThrow(new IllegalStateException("Unknown issue script result -9"));

        assertRefused(mvc.perform(issue("{\"couponCode\":\"FLASH100\",\"memberId\":1}")), 500, "COMMON-500")
                .andExpect(jsonPath("$.error.message").value("Unexpected error."));
    }

    private static MockHttpServletRequestBuilder issue(String body) {
        return post(BadIssueRequests.PATH).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private void assertRefusedBeforeDeciding(MockHttpServletRequestBuilder request, int status, String code)
            throws Exception {
        assertRefused(mvc.perform(request), status, code);
        verifyNoInteractions(issuer);
    }

    private static ResultActions assertRefused(ResultActions answer, int status, String code) throws Exception {
        return answer.andExpect(EnvelopeMatchers.refused(status, code));
    }
}
