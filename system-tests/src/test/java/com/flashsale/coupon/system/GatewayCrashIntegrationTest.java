package com.flashsale.coupon.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.testsupport.ApiClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gateway killed after Redis said yes and before Kafka acknowledged: the decision and its outbox
 * entry were written by the same script, so another gateway's relay delivers it exactly once.
 */
class GatewayCrashIntegrationTest {

    private static SaleEnvironment environment;
    private static ServiceProcess worker;

    @BeforeAll
    static void startWorker() {
        environment = new SaleEnvironment();
        worker = environment.worker().start();
        environment.reset(worker);
    }

    @AfterAll
    static void stopWorker() throws InterruptedException {
        if (worker != null) {
            worker.close();
        }
        environment.close();
    }

    @Test
    void issuanceAcceptedByAKilledGatewayIsPersistedExactlyOnceByAnother() throws Exception {
        // Its relay never runs: everything it accepts is still only in the Redis outbox when it dies.
        ServiceProcess doomed = environment.gateway("gateway-doomed", false).start();
        for (long member = 1; member <= 3; member++) {
            assertThat(new ApiClient(doomed.port()).issue("FLASH100", member).status()).isEqualTo(200);
        }
        doomed.kill();
        assertThat(environment.outboxBacklog("FLASH100")).isEqualTo(3);
        assertThat(environment.issuedRows(2)).isZero();

        try (ServiceProcess survivor = environment.gateway("gateway-survivor", true).start()) {
            await("the accepted issuances in MySQL").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(environment.issuedRows(2)).isEqualTo(3));
            await("the outbox drained").atMost(Duration.ofSeconds(30))
                    .until(() -> environment.outboxBacklog("FLASH100") == 0);
            assertThat(environment.distinctMembers(2)).isEqualTo(3);
            assertThat(environment.stock("FLASH100")).isEqualTo(97);
        }
        assertThat(environment.issuedRows(2)).isEqualTo(3);
    }
}
