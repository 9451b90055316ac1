package com.flashsale.coupon.worker;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The worker as deployed: no admin endpoints whatever the token, probes and metrics exposed. */
@SpringBootTest(properties = "coupon.admin.token=" + ProdProfileIntegrationTest.TOKEN)
@AutoConfigureMockMvc
@ActiveProfiles("prod")
@DirtiesContext
class ProdProfileIntegrationTest {

    static final String TOKEN = "a-token-prod-must-ignore";

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        WorkerTestEnvironment.register(registry);
    }

    @Test
    void hasNoAdminEndpointsEvenForAToken() throws Exception {
        mvc.perform(post("/api/test/reset").header("X-Admin-Token", TOKEN)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/coupons/stock/init").param("couponCode", "FLASH100").param("quantity", "100")
                .header("X-Admin-Token", TOKEN)).andExpect(status().isNotFound());
    }

    @Test
    void isReadyWhenItsStoresAreUpAndItsConsumersHaveJoined() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP")));
    }

    @Test
    void exposesThePersistenceMetricsToPrometheus() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("coupon_persisted_rows_total")))
                .andExpect(content().string(containsString("coupon_persisted_batch_size")))
                .andExpect(content().string(containsString("coupon_persistence_dead_lettered_total")));
    }
}
