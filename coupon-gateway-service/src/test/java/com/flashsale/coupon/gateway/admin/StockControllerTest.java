package com.flashsale.coupon.gateway.admin;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.gateway.redis.RedisConnections;
import com.flashsale.coupon.gateway.web.GatewayWebMvcTest;
import com.flashsale.coupon.gateway.web.TokenVerifyingSlice;
import io.lettuce.core.api.sync.RedisCommands;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.RequestBuilder;

/** The operator's stock read answers operators only: a token with scope {@code coupon:admin}. */
@GatewayWebMvcTest(StockController.class)
class StockControllerTest extends TokenVerifyingSlice {

    @MockitoBean
    RedisConnections redis;

    @Test
    void asksAnonymousCallersForAToken() throws Exception {
        assertRefusedWithoutReadingTheStock(get("/api/v1/coupons/stock/FLASH100"), 401, "AUTH-001",
                Matchers.startsWith("Bearer"));
    }

    @Test
    void refusesAMembersToken() throws Exception {
        assertRefusedWithoutReadingTheStock(
                get("/api/v1/coupons/stock/FLASH100").header("Authorization", "Bearer " + tokens.member(7)), 403, "AUTH-002",
                Matchers.containsString("insufficient_scope"));
    }

    @Test
    void answersAnOperator() throws Exception {
        @SuppressWarnings("unchecked")
        RedisCommands<String, String> commands = mock(RedisCommands.class);
        given(redis.requests()).willReturn(commands);
        given(commands.hget(anyString(), anyString())).willReturn("100");
        given(commands.get(anyString())).willReturn("97");
        given(commands.zcard(anyString())).willReturn(3L);
        given(commands.xlen(anyString())).willReturn(1L);

        mvc.perform(get("/api/v1/coupons/stock/FLASH100").header("Authorization", "Bearer " + tokens.operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.stock").value(97))
                .andExpect(jsonPath("$.data.issued").value(3))
                .andExpect(jsonPath("$.data.outboxBacklog").value(1));
    }

    /** The issuance path's pattern also matches here; the stock view must never answer a member through it. */
    @Test
    void neverShowsTheStockViewToAMemberThroughTheIssuancePath() throws Exception {
        mvc.perform(get("/api/v1/coupons/stock/issuance").header("Authorization", "Bearer " + tokens.member(7)))
                .andExpect(jsonPath("$.data.outboxBacklog").doesNotExist());
        verifyNoInteractions(redis);
    }

    /** Refused with {@code status}, the error's {@code code} and a challenge as {@code challenge} says; Redis never asked. */
    private void assertRefusedWithoutReadingTheStock(RequestBuilder request, int status, String code,
            Matcher<String> challenge) throws Exception {
        mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(header().string("WWW-Authenticate", challenge))
                .andExpect(jsonPath("$.error.code").value(code));
        verifyNoInteractions(redis);
    }
}
