package com.flashsale.coupon.worker.admin;

import static com.flashsale.coupon.worker.admin.OperatorRequests.changeCampaign;
import static com.flashsale.coupon.worker.admin.OperatorRequests.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.testsupport.EnvelopeMatchers;
import com.flashsale.coupon.worker.OpenWorkerStoresTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * A database that gives no connection in time, as when MySQL is down: every operator request that needs
 * it is answered 503 "try again", reads and changes alike, and changes nothing. The pool is kept to two
 * connections, which the test holds, and gives up after 250 ms instead of the configured 5 s.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("local")
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=250" })
class StoreOutageIntegrationTest extends OpenWorkerStoresTest {

    private static final LedgerKeys FLASH100 = LedgerKeys.forCoupon("FLASH100");

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void provision() {
        provisionIntoEmptyRedis();
    }

    @Test
    void answersServiceUnavailableWhileNoDatabaseConnectionComesInTime() throws Exception {
        Map<String, Object> before = flash100();
        String stockBefore = redis.opsForValue().get(FLASH100.stock());
        List<RequestBuilder> requests = List.of(get("/api/v1/admin/campaigns/FLASH100"),
                get("/api/v1/admin/campaigns"),
                changeCampaign("FLASH100", "status", status("PAUSED")),
                changeCampaign("FLASH100", "quantity", "{\"quantity\":150}"),
                post("/api/v1/coupons/stock/init").param("couponCode", "FLASH100").param("quantity", "150"),
                post("/api/test/reset"));

        List<Connection> held = everyConnection();
        try {
            for (RequestBuilder request : requests) {
                mvc.perform(request).andExpect(EnvelopeMatchers.refused(503, "COMMON-002"))
                        .andExpect(jsonPath("$.error.message").value("a data store is unavailable, try again"));
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }

        assertThat(flash100()).isEqualTo(before);
        assertThat(redis.opsForValue().get(FLASH100.stock())).isEqualTo(stockBefore);
        mvc.perform(get("/api/v1/admin/campaigns/FLASH100")).andExpect(status().isOk())
                .andExpect(jsonPath("$.data.status").value("ACTIVE"));
    }

    /** Both connections of the pool, so the next one asked for times out. */
    private List<Connection> everyConnection() throws SQLException {
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            held.add(dataSource.getConnection());
        }
        return held;
    }

    private Map<String, Object> flash100() {
        return jdbc.queryForMap("SELECT c.quantity, c.status, c.version, (SELECT COUNT(*) FROM campaign_audit) AS audit "
                + "FROM coupons c WHERE c.code = 'FLASH100'");
    }
}
