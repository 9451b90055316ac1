package com.flashsale.coupon.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.gateway.support.GatewayTestProperties;
import com.flashsale.coupon.testsupport.ApiClient;
import com.flashsale.coupon.testsupport.ApiClient.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The benchmark's HTTP floor answers like a successful issue, and only under the bench profile. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "coupon.relay.enabled=false")
@ActiveProfiles("bench")
class ConstantAnswerIntegrationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        GatewayTestProperties.register(registry);
    }

    @Test
    void answersTheSuccessEnvelopeWithoutDeciding() {
        Answer answer = new ApiClient(port).post(ConstantAnswerController.PATH, "{\"couponCode\":\"FLASH100\",\"memberId\":7}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.success()).isTrue();
        assertThat(answer.body().path("data").path("message").asString()).isEqualTo("Coupon issued.");
    }

    @Test
    void validatesTheBodyLikeTheIssueEndpoint() {
        Answer answer = new ApiClient(port).post(ConstantAnswerController.PATH, "{\"couponCode\":\"FLASH100\",\"memberId\":0}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("COMMON-001");
    }
}
