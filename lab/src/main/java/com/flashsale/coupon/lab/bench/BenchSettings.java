package com.flashsale.coupon.lab.bench;

import com.flashsale.coupon.lab.Options;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything {@code bench/run.sh} hands over; the defaults match {@code make run}.
 * {@code ceilingRequests} caps the calls of one redis-benchmark row (which is otherwise sized to
 * last {@code duration}).
 */
record BenchSettings(String gatewayHost, int gatewayPort, String workerUrl, String jdbcUrl, String mysqlUser,
        String mysqlPassword, String redisHost, int redisPort, int redisDatabase, int benchRedisDatabase,
        String kafkaBootstrap, String issuedTopic, String couponCode, Path issueScript, Path wrkScript,
        int wrkThreads, int connections, Duration warmup, Duration duration, int members, int ceilingRequests,
        int saleQuantity, int saleMembers, int saleRequests, int drainEvents, Path out, String conditions,
        boolean keepMembers) {

    static final int UNLIMITED_STOCK = 10_000_000;

    static BenchSettings from(Options o) {
        return new BenchSettings(o.string("gateway-host", "127.0.0.1"), o.integer("gateway-port", 8080),
                o.string("worker-url", "http://127.0.0.1:8081"),
                o.string("jdbc-url", "jdbc:mysql://127.0.0.1:3306/coupon?allowPublicKeyRetrieval=true&useSSL=false"),
                o.string("mysql-user", "coupon"), o.string("mysql-password", "coupon"),
                o.string("redis-host", "127.0.0.1"), o.integer("redis-port", 6379), o.integer("redis-database", 0),
                o.integer("bench-redis-database", 12), o.string("kafka", "127.0.0.1:9092"),
                o.string("issued-topic", "coupon-issued"), o.string("coupon", "FLASH100"),
                Path.of(o.string("issue-script", "coupon-gateway-service/src/main/resources/scripts/issue.lua")),
                Path.of(o.string("wrk-script", "bench/wrk/issue.lua")), o.integer("wrk-threads", 2),
                o.integer("connections", 64), o.seconds("warmup", 20), o.seconds("duration", 8),
                o.integer("members", 200_000), o.integer("ceiling-requests", 1_000_000),
                o.integer("sale-quantity", 10_000), o.integer("sale-members", 100_000),
                o.integer("sale-requests", 200_000), o.integer("drain-events", 100_000),
                Path.of(o.string("out", "bench-results")), o.string("conditions", "not recorded"),
                Boolean.parseBoolean(o.string("keep-members", "false")));
    }

    String issueUrl() {
        return "http://" + gatewayHost + ":" + gatewayPort + "/api/v1/coupons/issue";
    }

    String constantUrl() {
        return "http://" + gatewayHost + ":" + gatewayPort + "/bench/constant";
    }
}
