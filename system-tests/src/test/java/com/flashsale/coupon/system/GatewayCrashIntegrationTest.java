package com.flashsale.coupon.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.store.SaleState;
import com.flashsale.coupon.kit.store.StoreCounts;
import com.flashsale.coupon.kit.store.StoreProbe;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gateway killed after Redis said yes and before Kafka acknowledged: the decision and its outbox
 * entry were written by the same script, so another gateway's relay delivers it exactly once.
 */
class GatewayCrashIntegrationTest {

    @AutoClose
    private static SaleEnvironment environment;
    @AutoClose
    private static ServiceProcess worker;

    @BeforeAll
    static void startWorker() {
        environment = new SaleEnvironment();
        worker = environment.worker().start();
    }

    @Test
    void issuanceAcceptedByAKilledGatewayIsPersistedExactlyOnceByAnother() throws Exception {
        StoreProbe probe = environment.probe();
        // Its relay never runs: everything it accepts is still only in the Redis outbox when it dies.
        ServiceProcess doomed = environment.gateway("gateway-doomed", false)
                .withProperty("spring.data.redis.timeout", SaleEnvironment.GENEROUS_REDIS_DEADLINE);
        try (SaleClient client = environment.client(worker, doomed)) {
            client.reset();
            doomed.start();
            for (long member = 1; member <= 3; member++) {
                assertThat(client.issue("FLASH100", member).outcome()).isEqualTo(Outcome.ISSUED);
            }
        }
        doomed.kill();
        StoreCounts atKill = probe.counts("FLASH100");
        assertThat(atKill.outboxBacklog()).isEqualTo(3);
        assertThat(atKill.rows()).isZero();

        try (ServiceProcess survivor = environment.gateway("gateway-survivor", true).start()) {
            await("the accepted issuances in MySQL").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(probe.counts("FLASH100").rows()).isEqualTo(3));
            await("the outbox drained").atMost(Duration.ofSeconds(30))
                    .until(() -> probe.counts("FLASH100").outboxBacklog() == 0);
            SaleState state = probe.state("FLASH100");
            assertThat(state.holders()).containsExactlyInAnyOrder(1L, 2L, 3L);
            assertThat(state.duplicateHolders()).isZero();
            assertThat(state.counts().stock()).isEqualTo(97);
        }
        assertThat(probe.counts("FLASH100").rows()).isEqualTo(3);
    }
}
