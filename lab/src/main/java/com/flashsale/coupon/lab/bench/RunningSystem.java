package com.flashsale.coupon.lab.bench;

import com.flashsale.coupon.events.LedgerKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system {@code make run} started, as the bench drives and inspects it: the worker's operator
 * endpoints (reset, stock init), the gateway's stock view, MySQL and the Redis ledger read directly
 * for the invariant checks.
 */
final class RunningSystem implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String gatewayHost;
    final int gatewayPort;
    private final String workerUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Connection db;
    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> redisConnection;
    final RedisCommands<String, String> redis;

    RunningSystem(String gatewayHost, int gatewayPort, String workerUrl, String jdbcUrl, String user, String password,
            String redisHost, int redisPort, int redisDatabase) throws SQLException {
        this.gatewayHost = gatewayHost;
        this.gatewayPort = gatewayPort;
        this.workerUrl = workerUrl;
        this.db = DriverManager.getConnection(jdbcUrl, user, password);
        this.redisClient = RedisClient.create(RedisURI.builder().withHost(redisHost).withPort(redisPort)
                .withDatabase(redisDatabase).withTimeout(Duration.ofSeconds(10)).build());
        this.redisConnection = redisClient.connect();
        this.redis = redisConnection.sync();
    }

    /** The worker's reset: MySQL rows and the Redis ledger back to full stock, members re-provisioned. */
    void reset() throws IOException, InterruptedException {
        post(workerUrl + "/api/test/reset");
    }

    /** Sets the campaign's quantity in MySQL and re-provisions it (stock shifts by the change). */
    void setQuantity(String couponCode, int quantity) throws IOException, InterruptedException {
        post(workerUrl + "/api/v1/coupons/stock/init?couponCode=" + couponCode + "&quantity=" + quantity);
    }

    /** A fresh sale: the quantity set, then issued rows and the ledger reset (call only once settled). */
    void freshSale(String couponCode, int quantity) throws IOException, InterruptedException {
        setQuantity(couponCode, quantity);
        reset();
    }

    Ledger ledger(String couponCode) {
        LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
        String quantity = redis.hget(keys.campaign(), LedgerKeys.CampaignFields.QUANTITY);
        String stock = redis.get(keys.stock());
        return new Ledger(quantity == null ? 0 : Long.parseLong(quantity), stock == null ? 0 : Long.parseLong(stock),
                redis.zcard(keys.issued()), redis.xlen(keys.outbox()));
    }

    /** What the gateway's operator view says; used to check the gateway is the one bench talks to. */
    JsonNode stockView(String couponCode) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://" + gatewayHost + ":" + gatewayPort + "/api/v1/coupons/stock/" + couponCode))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("data");
    }

    long couponId(String couponCode) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT id FROM coupons WHERE code = ?")) {
            s.setString(1, couponCode);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("coupon " + couponCode + " is not in MySQL");
                }
                return r.getLong(1);
            }
        }
    }

    Rows rows(long couponId) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT member_id) FROM coupon_issues WHERE coupon_id = "
                        + couponId)) {
            r.next();
            long rows = r.getLong(1);
            long members = r.getLong(2);
            try (ResultSet f = s.executeQuery("SELECT COUNT(*) FROM failed_coupon_issues WHERE coupon_id = " + couponId)) {
                f.next();
                return new Rows(rows, members, f.getLong(1));
            }
        }
    }

    long rowCount(long couponId) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM coupon_issues WHERE coupon_id = " + couponId)) {
            r.next();
            return r.getLong(1);
        }
    }

    Set<Long> membersWithRows(long couponId) throws SQLException {
        Set<Long> members = new HashSet<>();
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SELECT member_id FROM coupon_issues WHERE coupon_id = " + couponId)) {
            while (r.next()) {
                members.add(r.getLong(1));
            }
        }
        return members;
    }

    Connection db() {
        return db;
    }

    private void post(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
        redisConnection.close();
        redisClient.shutdown();
    }

    /** The Redis ledger of one campaign. */
    record Ledger(long quantity, long stock, long issued, long outboxBacklog) {
    }

    /** MySQL's view of one campaign: issue rows, distinct members among them, failure rows. */
    record Rows(long rows, long members, long failed) {
    }
}
