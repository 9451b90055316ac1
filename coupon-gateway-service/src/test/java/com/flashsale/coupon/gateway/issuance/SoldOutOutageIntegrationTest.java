package com.flashsale.coupon.gateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.gateway.support.GatewayBehindProxyTest;
import com.flashsale.coupon.kit.api.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A sold-out campaign's copy does not outlive Redis: once Redis is unreachable or silent, requests
 * sent more than {@code coupon.sold-out.refresh} later are answered as Redis's absence is answered
 * (503), never from a copy nobody can confirm any more.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"coupon.relay.enabled=false", "coupon.sold-out.refresh=" + SoldOutOutageIntegrationTest.BOUND_MILLIS + "ms"})
class SoldOutOutageIntegrationTest extends GatewayBehindProxyTest {

    static final long BOUND_MILLIS = 1_000;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    SoldOutCampaigns soldOut;

    /** A code of its own per test: a copy from the previous test may outlive the reset by up to the bound. */
    String code;
    static int sales;

    @BeforeEach
    void sellOut() {
        code = "GONE" + ++sales;
        ledger.reset().openCampaign(code, 30, 1).members(1, 10, "ACTIVE");
        assertThat(api.replyToIssue(code, 1).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> api.replyToIssue(code, 2).status() == 409 && soldOut.keeps(code));
    }

    @AfterEach
    void reconnect() {
        proxy.resume();
        proxy.restore();
    }

    @Test
    void aCutFromRedisEndsTheCopyWithinTheBound() {
        assertTheCopyEndsWithinTheBound(proxy::cut, proxy::restore);
    }

    @Test
    void aSilentRedisEndsTheCopyWithinTheBoundEvenWhileTheVersionReadHangs() {
        assertTheCopyEndsWithinTheBound(proxy::stall, proxy::resume);
    }

    /** Through {@code outage} the copy answers no request sent after the bound; after {@code recovery}, Redis answers again. */
    private void assertTheCopyEndsWithinTheBound(Runnable outage, Runnable recovery) {
        outage.run();
        long outageAt = System.nanoTime();

        List<String> late = askUntilUnavailable(outageAt);

        assertThat(late).isEmpty();
        assertThat(api.replyToIssue(code, 3).code()).isEqualTo("COMMON-002");
        recovery.run();
        await().atMost(PATIENCE).until(() -> "COUPON-003".equals(api.replyToIssue(code, 3).code()));
    }

    /** Asks until the gateway answers 503; returns the refusals sent after the bound (there must be none). */
    private List<String> askUntilUnavailable(long outageAt) {
        long boundEnd = outageAt + Duration.ofMillis(BOUND_MILLIS).toNanos();
        List<String> late = new ArrayList<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> {
            long sentAt = System.nanoTime();
            Reply answer = api.replyToIssue(code, 3);
            if (answer.status() != 503 && sentAt - boundEnd >= 0) {
                late.add(answer.code() + " sent " + (sentAt - outageAt) / 1_000_000 + " ms into the outage");
            }
            return answer.status() == 503;
        });
        return late;
    }
}
