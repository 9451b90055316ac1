package com.flashsale.coupon.gateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.gateway.support.GatewayBehindProxyTest;
import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Credentials;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.api.Services;
import com.flashsale.coupon.kit.load.Burst;
import com.flashsale.coupon.kit.load.LoadResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The gateway reaches Redis through a proxy the test cuts or stalls: while Redis is unreachable
 * every request is answered 503 at once and nothing is issued; while it is silent, every request is
 * answered 503 once the command timeout has passed; when it is back, the gateway recovers by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "coupon.relay.enabled=false")
class RedisOutageIntegrationTest extends GatewayBehindProxyTest {

    @Test
    void answersServiceUnavailableQuicklyWhileRedisIsUnreachableAndRecoversByItself() throws Exception {
        ledger.reset().openCampaign("FLASH100", 2, 100).members(1, 100, "ACTIVE");
        assertThat(api.replyToIssue("FLASH100", 1).status()).isEqualTo(200);

        proxy.cut();
        LoadResult burst = Burst.ofMembers(kit(), "FLASH100", 2, 50).fire();
        List<Answer> during = burst.log().all();
        long elapsedMillis = burst.elapsed().toMillis();

        // Bounded by the command timeout (1 s), not by the number of waiting requests.
        assertThat(during).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.code()).isEqualTo("COMMON-002");
        });
        assertThat(elapsedMillis).isLessThan(10_000);
        assertThat(ledger.stock("FLASH100")).isEqualTo(99);

        proxy.restore();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.replyToIssue("FLASH100", 60).status())
                .isEqualTo(200));
        assertThat(ledger.issuedMembers("FLASH100")).containsExactlyInAnyOrder("1", "60");
    }

    @Test
    void answersServiceUnavailableAfterTheTimeoutWhileRedisIsSilentAndARetryNeverGetsTwo() throws Exception {
        ledger.reset().openCampaign("FLASH100", 2, 100).members(1, 100, "ACTIVE");
        assertThat(api.replyToIssue("FLASH100", 1).status()).isEqualTo(200);

        proxy.stall();
        LoadResult burst;
        try {
            burst = Burst.ofMembers(kit(), "FLASH100", 2, 20).fire();
        } finally {
            proxy.resume();
        }
        List<Answer> during = burst.log().all();
        long elapsedMillis = burst.elapsed().toMillis();

        assertThat(during).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.code()).isEqualTo("COMMON-002");
        });
        // Not before the command timeout (1 s), and well before the kit's 30 s answer timeout: without the
        // sweep of the deadlines the requests would wait out the stall. The margin is for a busy machine.
        assertThat(elapsedMillis).isBetween(1_000L, 10_000L);

        // The stalled commands were held, not lost: they reach Redis after the stall, so a member
        // answered 503 may hold a coupon already, as the 503 says. Retrying is safe either way.
        List<Answer> retries = Burst.ofMembers(kit(), "FLASH100", 2, 20).fire().log().all();
        assertThat(retries).allSatisfy(answer -> assertThat(answer).satisfiesAnyOf(
                retry -> assertThat(retry.status()).isEqualTo(200),
                retry -> assertThat(retry.code()).isEqualTo("COUPON-002")));
        assertThat(ledger.issuedMembers("FLASH100")).hasSize(21).doesNotHaveDuplicates();
        assertThat(ledger.stock("FLASH100")).isEqualTo(79);
    }

    /** Bursts go through the sale kit: each request on its own connection, opened before the release. */
    private SaleClient kit() {
        return new SaleClient(Services.local(port, port), Credentials.none());
    }
}
