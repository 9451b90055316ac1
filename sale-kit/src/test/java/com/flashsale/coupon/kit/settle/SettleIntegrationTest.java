package com.flashsale.coupon.kit.settle;

import static com.flashsale.coupon.testsupport.SaleStores.FLASH100;
import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.kit.store.StoreProbe;
import com.flashsale.coupon.kit.store.StoreSettings;
import com.flashsale.coupon.testsupport.SaleStores;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Settling on real stores while rows are still landing, as the worker lands them. */
class SettleIntegrationTest {

    @AutoClose
    private static SaleStores stores;

    @BeforeAll
    static void createStores() {
        stores = new SaleStores("coupon_kit_settle", 12);
    }

    @Test
    void waitsForRowsStillInFlightAndSeesThemLand() throws Exception {
        stores.empty();
        stores.sell(100, 97);
        stores.redis().xadd(FLASH100.outbox(), Map.of("memberId", "98"));
        CountDownLatch watching = new CountDownLatch(1);

        try (StoreProbe probe = new StoreProbe(StoreSettings.fromEnvironment(stores.environment()))) {
            // The worker's part, once the settle has seen the sale in flight: the outbox drains, the rows land.
            CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> {
                try {
                    watching.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                stores.redis().del(FLASH100.outbox());
                stores.insertRows(98, 100);
            });
            Settled settled = Settle.of(() -> probe.counts("FLASH100")).quietFor(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(30)).pollEvery(Duration.ofMillis(20))
                    .reporting(Duration.ofMillis(100), progress -> watching.countDown())
                    .await();
            worker.join();

            assertThat(settled.settled()).isTrue();
            assertThat(settled.counts().outboxBacklog()).isZero();
            assertThat(settled.counts().rows()).isEqualTo(100);
        }
    }
}
