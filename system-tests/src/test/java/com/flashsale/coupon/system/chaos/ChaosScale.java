package com.flashsale.coupon.system.chaos;

import java.time.Duration;
import java.util.Locale;

/**
 * How big a drill is. {@code make chaos} runs the full scale ({@code -Dchaos.scale=full}); {@code make test}
 * runs the short one, sized so every drill still lands its fault while coupons are being sold.
 *
 * @param quantity coupons in the sale
 * @param members distinct eligible members; twice the quantity, so demand clearly exceeds supply
 * @param requestsPerMember the sale sends at least this many requests per member (repeats exercise duplicates)
 * @param rate offered request rate, per second
 * @param clients concurrent clients of the open loop, each on its own connection; bounds the requests in flight
 *        when the system is slow
 * @param tail how long the sale goes on once the fault is over (and has sold out since)
 * @param saleLimit hard stop for a sale that never sells out again, counted from the end of the fault; also
 *        the longest wait for the fault's trigger
 * @param kafkaOutage how long the broker stays down before it is started again (its restart adds ~15 s)
 * @param mariadbOutage how long MariaDB stays down before it is started again
 * @param redisPause how long Redis holds every write ({@code CLIENT PAUSE ... WRITE}); longer than the gateway's 1 s timeout
 * @param damage how many members the damaged-ledger drill removes from Redis, and rows from MySQL
 */
record ChaosScale(String name, int quantity, int members, int requestsPerMember, int rate, int clients,
        Duration tail, Duration saleLimit, Duration kafkaOutage, Duration mariadbOutage, Duration redisPause,
        int damage) {

    static final ChaosScale SHORT = new ChaosScale("short", 300, 600, 2, 120, 32, Duration.ofSeconds(3),
            Duration.ofSeconds(120), Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(3), 5);

    static final ChaosScale FULL = new ChaosScale("full", 2000, 4000, 2, 300, 64, Duration.ofSeconds(8),
            Duration.ofSeconds(300), Duration.ofSeconds(20), Duration.ofSeconds(15), Duration.ofSeconds(5), 20);

    static ChaosScale current() {
        String scale = System.getProperty("chaos.scale", "short").trim().toLowerCase(Locale.ROOT);
        return switch (scale) {
            case "short", "" -> SHORT;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("chaos.scale must be 'short' or 'full', was '" + scale + "'");
        };
    }

    long minimumRequests() {
        return (long) members * requestsPerMember;
    }
}
