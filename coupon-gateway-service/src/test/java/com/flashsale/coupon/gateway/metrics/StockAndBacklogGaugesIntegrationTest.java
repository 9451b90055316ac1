package com.flashsale.coupon.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.gateway.redis.RedisConnections;
import com.flashsale.coupon.gateway.redis.RedisSchedulerConfig;
import com.flashsale.coupon.gateway.redis.RedisSettings;
import com.flashsale.coupon.gateway.support.LedgerFixture;
import com.flashsale.coupon.gateway.support.StandaloneConnections;
import com.flashsale.coupon.gateway.support.TcpProxy;
import com.flashsale.coupon.testsupport.TestServers;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The stock and outbox gauges against the real Redis ledger, one refresh at a time. */
class StockAndBacklogGaugesIntegrationTest {

    private static final LedgerFixture ledger = new LedgerFixture();
    /** Runs the connections' deadline sweep; the gauges themselves are refreshed by the tests, one read at a time. */
    private static final ThreadPoolTaskScheduler scheduler = RedisSchedulerConfig.newScheduler();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startScheduler() {
        scheduler.initialize();
    }

    @BeforeEach
    void provision() {
        ledger.reset().openCampaign("FLASH100", 2, 100).openCampaign("WELCOME10", 1, 1000);
    }

    @AfterAll
    static void close() {
        ledger.close();
        scheduler.shutdown();
    }

    @Test
    void reportsStockAndOutboxBacklogPerCampaign() {
        LedgerKeys flash = LedgerKeys.forCoupon("FLASH100");
        ledger.redis.set(flash.stock(), "97");
        for (int member = 1; member <= 3; member++) {
            ledger.redis.xadd(flash.outbox(), Map.of("memberId", Integer.toString(member)));
        }
        RedisConnections redis = connections(TestServers.endpoints().redisPort());
        try {
            gauges(redis).refresh();
        } finally {
            redis.destroy();
        }

        assertThat(values("coupon.stock.remaining")).containsExactly(Map.entry("FLASH100", 97.0), Map.entry("WELCOME10", 1000.0));
        assertThat(values("coupon.outbox.backlog")).containsExactly(Map.entry("FLASH100", 3.0), Map.entry("WELCOME10", 0.0));
    }

    @Test
    void followsTheLedgerAndDropsCampaignsThatLeftIt() {
        RedisConnections redis = connections(TestServers.endpoints().redisPort());
        try {
            StockAndBacklogGauges gauges = gauges(redis);
            gauges.refresh();
            ledger.redis.set(LedgerKeys.forCoupon("FLASH100").stock(), "0");
            ledger.redis.srem(LedgerKeys.CAMPAIGNS, "WELCOME10");

            gauges.refresh();
        } finally {
            redis.destroy();
        }

        assertThat(values("coupon.stock.remaining")).containsExactly(Map.entry("FLASH100", 0.0));
        assertThat(values("coupon.outbox.backlog")).containsOnlyKeys("FLASH100");
    }

    @Test
    void reportsNothingWhileRedisCannotBeReadAndRecoversWithIt() throws Exception {
        try (TcpProxy proxy = new TcpProxy(TestServers.endpoints().redisHost(), TestServers.endpoints().redisPort())) {
            RedisConnections redis = connections(proxy.port());
            try {
                StockAndBacklogGauges gauges = gauges(redis);
                gauges.refresh();
                assertThat(values("coupon.stock.remaining")).hasSize(2);

                proxy.cut();
                gauges.refresh();
                assertThat(values("coupon.stock.remaining")).isEmpty();
                assertThat(values("coupon.outbox.backlog")).isEmpty();

                proxy.restore();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    gauges.refresh();
                    assertThat(values("coupon.stock.remaining")).hasSize(2);
                });
            } finally {
                redis.destroy();
            }
        }
    }

    private Map<String, Double> values(String name) {
        Map<String, Double> values = new TreeMap<>();
        for (Gauge gauge : meters.find(name).gauges()) {
            values.put(gauge.getId().getTag("coupon"), gauge.value());
        }
        return values;
    }

    private StockAndBacklogGauges gauges(RedisConnections redis) {
        return new StockAndBacklogGauges(redis, new MetricsSettings(Duration.ofSeconds(2)), meters, scheduler);
    }

    private static RedisConnections connections(int port) {
        return StandaloneConnections.open(TestServers.endpoints().redisHost(), port, Duration.ofSeconds(1),
                new RedisSettings(RedisSettings.Acknowledge.NONE, Duration.ofMillis(500)), scheduler);
    }
}
