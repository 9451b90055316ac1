package com.flashsale.coupon.worker.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.worker.WorkerTestEnvironment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Without the {@code local} profile the admin endpoints answer only to the configured token. */
@SpringBootTest(properties = "coupon.admin.token=" + AdminAccessIntegrationTest.TOKEN)
@AutoConfigureMockMvc
@DirtiesContext
class AdminAccessIntegrationTest {

    static final String TOKEN = "admin-token-for-tests";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        WorkerTestEnvironment.register(registry);
    }

    @BeforeEach
    void oneIssuedCoupon() {
        jdbc.update("DELETE FROM coupon_issues");
        jdbc.update("INSERT INTO coupon_issues (coupon_id, member_id, event_id, accepted_at) "
                + "VALUES (2, 1, 'kept', NOW(3))");
    }

    @Test
    void hidesTheAdminEndpointsWithoutTheToken() throws Exception {
        for (MockHttpServletRequestBuilder request : adminRequests()) {
            mvc.perform(request).andExpect(status().isNotFound());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupon_issues", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupons WHERE code = 'HIDDEN'", Integer.class)).isZero();
    }

    @Test
    void hidesTheAdminEndpointsFromAWrongToken() throws Exception {
        for (MockHttpServletRequestBuilder request : adminRequests()) {
            mvc.perform(request.header(AdminAccessInterceptor.TOKEN_HEADER, TOKEN + "x"))
                    .andExpect(status().isNotFound());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupon_issues", Integer.class)).isEqualTo(1);
    }

    @Test
    void servesTheAdminEndpointsToTheToken() throws Exception {
        mvc.perform(post("/api/test/reset").header(AdminAccessInterceptor.TOKEN_HEADER, TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupon_issues", Integer.class)).isZero();

        mvc.perform(post("/api/v1/coupons/stock/init").param("couponCode", "FLASH100").param("quantity", "100")
                .header(AdminAccessInterceptor.TOKEN_HEADER, TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.stock").value(100));
    }

    @Test
    void reportsReadinessOfDatabaseRedisKafkaAndTheConsumerGroup() {
        // Ready only once Kafka has assigned the consumers their partitions, a moment after start-up.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.redis.status").value("UP"))
                .andExpect(jsonPath("$.components.kafka.status").value("UP"))
                .andExpect(jsonPath("$.components.consumerGroup.status").value("UP"))
                // The issued-events topic's three partitions (coupon.kafka.partitions in the tests), not the dead letters'.
                .andExpect(jsonPath("$.components.consumerGroup.details.partitions").value(3)));
    }

    private static List<MockHttpServletRequestBuilder> adminRequests() {
        return List.of(
                post("/api/test/reset"),
                post("/api/v1/coupons/stock/init").param("couponCode", "FLASH100").param("quantity", "100"),
                put("/api/v1/admin/campaigns/FLASH100/status").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"PAUSED\"}"),
                put("/api/v1/admin/members/7/status").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"INACTIVE\"}"),
                post("/api/v1/admin/campaigns").contentType(MediaType.APPLICATION_JSON).content(
                        "{\"couponCode\":\"HIDDEN\",\"name\":\"Hidden\",\"quantity\":1,\"startsAt\":\"2026-01-01T00:00:00Z\"}"),
                post("/api/v1/admin/campaigns/FLASH100/failed-issuances/replay"));
    }
}
