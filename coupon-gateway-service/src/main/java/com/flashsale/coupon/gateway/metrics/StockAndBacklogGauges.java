package com.flashsale.coupon.gateway.metrics;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.gateway.redis.LedgerCopy;
import com.flashsale.coupon.gateway.redis.RedisConnections;
import com.flashsale.coupon.gateway.redis.RedisSchedulerConfig;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Stock left and outbox backlog per campaign ({@code coupon.stock.remaining},
 * {@code coupon.outbox.backlog}), read from Redis by a periodic task on the relay's connection:
 * neither a member request nor a scrape ever waits for these reads. Every gateway replica reports
 * the same ledger, so dashboards aggregate them with max, not sum.
 */
@Component
class StockAndBacklogGauges extends LedgerCopy {

    private final RedisConnections redis;
    private final MultiGauge stock;
    private final MultiGauge backlog;
    // One holder per campaign for the life of its gauge: the gauges read these, a refresh updates them.
    private final Map<String, AtomicLong> stockValues = new HashMap<>();
    private final Map<String, AtomicLong> backlogValues = new HashMap<>();

    StockAndBacklogGauges(RedisConnections redis, MetricsSettings settings, MeterRegistry meters,
            @Qualifier(RedisSchedulerConfig.SCHEDULER) TaskScheduler scheduler) {
        super(scheduler, settings.ledgerRefresh(), "Cannot read the ledger for the stock and outbox gauges",
                "The ledger is readable again for the stock and outbox gauges");
        this.redis = redis;
        this.stock = MultiGauge.builder("coupon.stock.remaining")
                .description("Coupons left in the Redis ledger, per campaign")
                .register(meters);
        this.backlog = MultiGauge.builder("coupon.outbox.backlog")
                .description("Accepted issuances in the Redis outbox not yet acknowledged by Kafka, per campaign")
                .register(meters);
    }

    /** Reads at once, then every {@code coupon.metrics.ledger-refresh}. */
    @Override
    protected void refresh() {
        Map<String, Long> stockNow = new HashMap<>();
        Map<String, Long> backlogNow = new HashMap<>();
        try {
            RedisClusterCommands<String, String> commands = redis.relay();
            for (String couponCode : commands.smembers(LedgerKeys.CAMPAIGNS)) {
                if (!LedgerKeys.isValidCouponCode(couponCode)) {
                    continue;
                }
                LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
                String left = commands.get(keys.stock());
                if (left != null) {
                    stockNow.put(couponCode, Long.parseLong(left));
                }
                backlogNow.put(couponCode, commands.xlen(keys.outbox()));
            }
            readWorked();
        } catch (RuntimeException e) {
            // Last known numbers would show a calm ledger while nobody can see it: report none until Redis answers.
            stockNow.clear();
            backlogNow.clear();
            readFailed(e);
        }
        publish(stock, stockValues, stockNow);
        publish(backlog, backlogValues, backlogNow);
    }

    /** Campaigns gone from the ledger lose their series; the others keep their gauge and get the new value. */
    private static void publish(MultiGauge gauge, Map<String, AtomicLong> values, Map<String, Long> now) {
        values.keySet().retainAll(now.keySet());
        List<Row<?>> rows = new ArrayList<>(now.size());
        now.forEach((couponCode, value) -> {
            AtomicLong holder = values.computeIfAbsent(couponCode, code -> new AtomicLong());
            holder.set(value);
            rows.add(Row.of(Tags.of("coupon", couponCode), holder));
        });
        gauge.register(rows, false);
    }
}
