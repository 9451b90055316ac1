package com.flashsale.coupon.gateway.issuance;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.gateway.web.GatewayWebMvcTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The replica's admission cap refuses whoever asks once the replica has admitted its share, in any mode. */
@GatewayWebMvcTest(IssueController.class)
class ReplicaAdmissionTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CouponIssuer issuer;

    @DynamicPropertySource
    static void cap(DynamicPropertyRegistry registry) {
        registry.add("coupon.rate-limit.per-replica.requests", () -> 4);
        registry.add("coupon.rate-limit.per-replica.period", () -> "1h");
    }

    @Test
    void admitsAtMostTheCapFromAllAddressesTogether() throws Exception {
        given(issuer.issue(anyString(), anyLong())).willReturn(IssueOutcome.ISSUED);
        for (int member = 1; member <= 4; member++) {
            mvc.perform(issue(member)).andExpect(status().isOk());
        }

        mvc.perform(issue(5))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error.code").value("RATE-001"))
                .andExpect(header().string("RateLimit-Policy", "\"replica\";q=4;w=3600"));
        verify(issuer, times(4)).issue(anyString(), anyLong());
    }

    private static MockHttpServletRequestBuilder issue(int member) {
        return post(BadIssueRequests.PATH).contentType(MediaType.APPLICATION_JSON)
                .content("{\"couponCode\":\"FLASH100\",\"memberId\":" + member + "}")
                .with(request -> {
                    request.setRemoteAddr("203.0.113." + member);
                    return request;
                });
    }
}
