package com.flashsale.coupon.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.testsupport.ApiClient;
import com.flashsale.coupon.testsupport.ApiClient.Answer;
import com.flashsale.coupon.testsupport.SimultaneousRequests;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's scenario end to end: real HTTP into the gateway jar, rows in MySQL from the worker jar. */
class FlashSaleIntegrationTest {

    private static final long FLASH100_ID = 2;

    private static SaleEnvironment environment;
    private static ServiceProcess worker;
    private static ServiceProcess gateway;
    private static ApiClient api;

    @BeforeAll
    static void startSystem() {
        environment = new SaleEnvironment();
        worker = environment.worker().start();
        gateway = environment.gateway("gateway", true).start();
        api = new ApiClient(gateway.port());
    }

    @AfterAll
    static void stopSystem() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
        if (worker != null) {
            worker.close();
        }
        environment.close();
    }

    @BeforeEach
    void resetSale() {
        environment.reset(worker);
        assertThat(environment.stock("FLASH100")).isEqualTo(100);
    }

    @Test
    void exactlyHundredOfFiveHundredSimultaneousMembersGetACouponAndEveryOneIsPersisted() throws Exception {
        List<Answer> answers = SimultaneousRequests.fire(500, i -> api.issue("FLASH100", i + 1));

        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(100);
        assertThat(answers).filteredOn(a -> a.status() == 409 && "COUPON-003".equals(a.code())).hasSize(400);
        assertThat(environment.stock("FLASH100")).isZero();
        await("100 rows in MySQL").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(environment.issuedRows(FLASH100_ID)).isEqualTo(100));
        assertThat(environment.distinctMembers(FLASH100_ID)).isEqualTo(100);
        assertThat(environment.failedRows()).isZero();
        List<Long> winners = answers.stream().filter(a -> a.status() == 200)
                .map(a -> a.body().path("data").path("memberId").asLong()).toList();
        assertThat(environment.count("SELECT COUNT(*) FROM coupon_issues WHERE coupon_id = 2 AND member_id IN ("
                + String.join(",", winners.stream().map(String::valueOf).toList()) + ")")).isEqualTo(100);
    }

    @Test
    void oneMemberFiringFiftyTimesGetsExactlyOneCoupon() throws Exception {
        List<Answer> answers = SimultaneousRequests.fire(50, i -> api.issue("FLASH100", 77));

        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 409 && "COUPON-002".equals(a.code())).hasSize(49);
        await("the one row in MySQL").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(environment.issuedRows(FLASH100_ID)).isEqualTo(1));
        assertThat(environment.stock("FLASH100")).isEqualTo(99);
    }

    @Test
    void refusedRequestsChangeNeitherRedisNorMySql() throws Exception {
        assertThat(api.issue("FLASH100", 5).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> environment.issuedRows(FLASH100_ID) == 1
                && environment.outboxBacklog("FLASH100") == 0);
        long rowsBefore = environment.count("SELECT COUNT(*) FROM coupon_issues");
        String stockBefore = environment.redis.get("{coupon:FLASH100}:stock");

        assertRefusal(() -> api.issue("FLASH100", 5), 409, "COUPON-002");
        assertRefusal(() -> api.issue("FLASH100", 999_999), 404, "MEMBER-001");
        assertRefusal(() -> api.issue("FLASH100", 501), 403, "MEMBER-002");
        assertRefusal(() -> api.issue("NO_SUCH_COUPON", 1), 404, "COUPON-001");
        assertRefusal(() -> api.issue("ENDED50", 1), 409, "COUPON-004");
        assertRefusal(() -> api.post("/api/v1/coupons/issue", "{\"couponCode\":\"FLASH100\""), 400, "COMMON-001");
        assertRefusal(() -> api.post("/api/v1/coupons/issue", "{\"couponCode\":\"FLASH100\",\"memberId\":-3}"), 400, "COMMON-001");
        assertRefusal(() -> api.post("/api/v1/coupons/issue", "{\"couponCode\":\"FLASH100\"}"), 400, "COMMON-001");
        assertRefusal(() -> api.post("/api/v1/coupons/issue", "{\"couponCode\":\"FLASH100\",\"memberId\":1,\"x\":\""
                + "y".repeat(8_000) + "\"}"), 413, "COMMON-003");

        assertThat(environment.redis.get("{coupon:FLASH100}:stock")).isEqualTo(stockBefore);
        assertThat(environment.outboxBacklog("FLASH100")).isZero();
        assertThat(environment.count("SELECT COUNT(*) FROM coupon_issues")).isEqualTo(rowsBefore);
        assertThat(environment.failedRows()).isZero();
    }

    private static void assertRefusal(Supplier<Answer> request, int status, String code) {
        Answer answer = request.get();
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.code()).isEqualTo(code);
    }
}
