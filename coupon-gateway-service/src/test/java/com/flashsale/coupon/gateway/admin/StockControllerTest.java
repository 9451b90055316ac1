package com.flashsale.coupon.gateway.admin;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.gateway.redis.RedisConnections;
import com.flashsale.coupon.gateway.web.GatewayWebMvcTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The operator's stock read is not there for anyone without the local profile or the admin token. */
@GatewayWebMvcTest(StockController.class)
class StockControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RedisConnections redis;

    @Test
    void stockEndpointIsAbsentWithoutLocalProfileOrToken() throws Exception {
        mvc.perform(get("/api/v1/coupons/stock/FLASH100")).andExpect(status().isNotFound());
        verifyNoInteractions(redis);
    }
}
