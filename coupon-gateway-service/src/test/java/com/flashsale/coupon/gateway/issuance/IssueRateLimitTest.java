package com.flashsale.coupon.gateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.gateway.web.GatewayWebMvcTest;
import com.flashsale.coupon.gateway.web.TokenVerifyingSlice;
import com.flashsale.coupon.testsupport.EnvelopeMatchers;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * How the per-address and per-member limits answer: 429 {@code RATE-001} with when to come back and
 * which limit refused, before anything is decided; other addresses and members are not affected. A
 * limit of three per hour refills one request every 20 minutes, so nothing refills during a test.
 */
@GatewayWebMvcTest(IssueController.class)
class IssueRateLimitTest extends TokenVerifyingSlice {

    @Autowired
    MeterRegistry meters;

    @MockitoBean
    CouponIssuer issuer;

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("coupon.rate-limit.per-address.enabled", () -> true);
        registry.add("coupon.rate-limit.per-address.requests", () -> 3);
        registry.add("coupon.rate-limit.per-address.period", () -> "1h");
        registry.add("coupon.rate-limit.per-member.requests", () -> 2);
        registry.add("coupon.rate-limit.per-member.period", () -> "1h");
        registry.add("coupon.rate-limit.retry-after-jitter", () -> "2s");
    }

    @BeforeEach
    void everyRequestThatGetsThroughIsDecided() {
        given(issuer.issue(anyString(), anyLong())).willReturn(IssueOutcome.ALREADY_ISSUED);
    }

    @Test
    void refusesAnAddressOverItsLimitAndSaysWhenToComeBack() throws Exception {
        double before = refused("address");
        for (long member = 1; member <= 3; member++) {
            mvc.perform(issue(member, "203.0.113.1")).andExpect(status().isConflict());
        }

        MvcResult refusal = mvc.perform(issue(4, "203.0.113.1"))
                .andExpect(EnvelopeMatchers.refused(429, "RATE-001"))
                .andExpect(header().string("RateLimit-Policy", "\"address\";q=3;w=3600"))
                .andReturn();

        // The next request is due in 20 minutes; the jitter adds up to 2 seconds.
        long retryAfter = Long.parseLong(refusal.getResponse().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(1200L, 1202L);
        assertThat(refusal.getResponse().getHeader("RateLimit")).isEqualTo("\"address\";r=0;t=" + retryAfter);
        verify(issuer, times(3)).issue(anyString(), anyLong());
        assertThat(refused("address")).isEqualTo(before + 1);
        mvc.perform(issue(5, "203.0.113.2")).andExpect(status().isConflict());
    }

    @Test
    void refusesAMemberOverItsLimitFromAnyAddress() throws Exception {
        mvc.perform(issue(20, "198.51.100.1")).andExpect(status().isConflict());
        mvc.perform(issue(20, "198.51.100.2")).andExpect(status().isConflict());

        mvc.perform(issue(20, "198.51.100.3"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error.code").value("RATE-001"))
                .andExpect(header().string("RateLimit-Policy", "\"member\";q=2;w=3600"))
                .andExpect(header().exists("Retry-After"));
        mvc.perform(issue(21, "198.51.100.3")).andExpect(status().isConflict());
        verify(issuer, times(2)).issue("FLASH100", 20);
    }

    /** The address limit comes first: a flood of forged tokens does not buy a signature check per request. */
    @Test
    void countsRequestsWithBadTokensAgainstTheAddressBeforeCheckingThem() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(post(BadIssueRequests.PATH).contentType(MediaType.APPLICATION_JSON).content("{\"couponCode\":\"FLASH100\"}")
                            .header("Authorization", "Bearer forged")
                            .with(request -> from(request, "192.0.2.9")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(issue(30, "192.0.2.9")).andExpect(status().isTooManyRequests());
        verifyNoInteractions(issuer);
    }

    private MockHttpServletRequestBuilder issue(long member, String address) {
        return post(BadIssueRequests.PATH).contentType(MediaType.APPLICATION_JSON).content("{\"couponCode\":\"FLASH100\"}")
                .header("Authorization", "Bearer " + tokens.member(member))
                .with(request -> from(request, address));
    }

    private static MockHttpServletRequest from(MockHttpServletRequest request, String address) {
        request.setRemoteAddr(address);
        return request;
    }

    private double refused(String limit) {
        return meters.counter("coupon.rate.limited", "limit", limit).count();
    }
}
