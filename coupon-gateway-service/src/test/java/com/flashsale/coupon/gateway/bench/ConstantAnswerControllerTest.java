package com.flashsale.coupon.gateway.bench;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.gateway.web.GatewayWebMvcTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The benchmark's HTTP floor answers like a successful issue, and validates like the issue endpoint. */
@GatewayWebMvcTest(ConstantAnswerController.class)
@ActiveProfiles("bench")
class ConstantAnswerControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void answersTheSuccessEnvelopeWithoutDeciding() throws Exception {
        mvc.perform(post(ConstantAnswerController.PATH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"couponCode\":\"FLASH100\",\"memberId\":7}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.data.message").value("Coupon issued."));
    }

    @Test
    void validatesTheBodyLikeTheIssueEndpoint() throws Exception {
        mvc.perform(post(ConstantAnswerController.PATH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"couponCode\":\"FLASH100\",\"memberId\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("COMMON-001"));
    }
}
