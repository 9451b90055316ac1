package com.flashsale.coupon.kit.store;

import com.flashsale.coupon.events.LedgerKeys;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.models.stream.PendingMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * Reads both stores directly, never through the services' own endpoints: a check must not trust the
 * code it checks. Redis keys come from the shared ledger contract. Read-only.
 *
 * <p>Survives a store restarting under it (the failure drills restart both): Lettuce reconnects by
 * itself, and the MySQL connection is opened again on the next read after one failed. Reads throw
 * {@link StoreException} meanwhile. Thread-safe.
 */
public final class StoreProbe implements AutoCloseable {

    private static final String COUNTS = """
            SELECT c.id, c.quantity,
                   (SELECT COUNT(*) FROM coupon_issues i WHERE i.coupon_id = c.id),
                   (SELECT COUNT(*) FROM failed_coupon_issues f WHERE f.coupon_id = c.id)
            FROM coupons c WHERE c.code = ?""";
    private static final String DUPLICATE_HOLDERS = "SELECT COUNT(*) FROM (SELECT member_id FROM coupon_issues"
            + " WHERE coupon_id = ? GROUP BY member_id HAVING COUNT(*) > 1) d";

    private final StoreSettings settings;
    private final AbstractRedisClient redisClient;
    private final StatefulConnection<String, String> redisConnection;
    private final RedisClusterCommands<String, String> redis;
    private Connection db;

    /**
     * Connects to Redis now (and fails at once when it cannot); MySQL on the first read. On a Redis
     * Cluster each key is read from the primary serving its slot now: the client follows failovers
     * (topology refreshed on redirects and reconnects, and every 2 s).
     */
    public StoreProbe(StoreSettings settings) {
        this.settings = settings;
        try {
            if (settings.redisCluster()) {
                RedisClusterClient cluster = RedisClusterClient.create(Arrays.stream(settings.redisClusterNodes().split(","))
                        .map(node -> uri(settings, node.trim())).toList());
                cluster.setOptions(ClusterClientOptions.builder().topologyRefreshOptions(ClusterTopologyRefreshOptions
                        .builder().enableAllAdaptiveRefreshTriggers().enablePeriodicRefresh(Duration.ofSeconds(2)).build())
                        .build());
                this.redisClient = cluster;
                StatefulRedisClusterConnection<String, String> connection = connect(cluster, cluster::connect);
                this.redisConnection = connection;
                this.redis = connection.sync();
            } else {
                RedisURI.Builder uri = RedisURI.builder().withHost(settings.redisHost()).withPort(settings.redisPort())
                        .withDatabase(settings.redisDatabase()).withTimeout(Duration.ofSeconds(5));
                if (!settings.redisPassword().isBlank()) {
                    uri.withPassword(settings.redisPassword().toCharArray());
                }
                RedisClient single = RedisClient.create(uri.build());
                this.redisClient = single;
                StatefulRedisConnection<String, String> connection = connect(single, single::connect);
                this.redisConnection = connection;
                this.redis = connection.sync();
            }
        } catch (IllegalArgumentException e) {
            throw new StoreException("cannot read the Redis Cluster nodes '" + settings.redisClusterNodes() + "': "
                    + e.getMessage(), e);
        }
    }

    private static RedisURI uri(StoreSettings settings, String node) {
        int colon = node.lastIndexOf(':');
        RedisURI.Builder uri = RedisURI.builder().withHost(node.substring(0, colon))
                .withPort(Integer.parseInt(node.substring(colon + 1))).withTimeout(Duration.ofSeconds(5));
        if (!settings.redisPassword().isBlank()) {
            uri.withPassword(settings.redisPassword().toCharArray());
        }
        return uri.build();
    }

    private <C> C connect(AbstractRedisClient client, Supplier<C> connect) {
        try {
            return connect.get();
        } catch (RuntimeException e) {
            client.shutdown();
            throw new StoreException("cannot reach " + settings.describeRedis() + ": " + e.getMessage(), e);
        }
    }

    public StoreSettings settings() {
        return settings;
    }

    /** Both stores' counts for the coupon: cheap enough to poll every few milliseconds. */
    public synchronized StoreCounts counts(String couponCode) {
        long[] mysql = mysql("read the counts of " + couponCode, db -> {
            try (PreparedStatement query = db.prepareStatement(COUNTS)) {
                query.setString(1, couponCode);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new StoreException("coupon " + couponCode + " does not exist in MySQL ("
                                + settings.describe() + ")", null);
                    }
                    return new long[] { row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4) };
                }
            }
        });
        LedgerCounts ledger = ledger(couponCode);
        return new StoreCounts(mysql[0], mysql[1], ledger.quantity(), ledger.stock(), ledger.issued(),
                ledger.outboxBacklog(), mysql[2], mysql[3]);
    }

    /**
     * How many of the members {@code from..to} MySQL holds as active: the members a sale of those ids
     * can issue to, the others being rightly refused.
     */
    public synchronized long activeMembers(long from, long to) {
        return mysql("count the active members " + from + ".." + to, db -> {
            try (PreparedStatement query = db.prepareStatement(
                    "SELECT COUNT(*) FROM members WHERE id BETWEEN ? AND ? AND status = 'ACTIVE'")) {
                query.setLong(1, from);
                query.setLong(2, to);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** The coupon's Redis ledger alone: never waits for MySQL, so it reads while MySQL is down or locked. */
    public synchronized LedgerCounts ledger(String couponCode) {
        LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
        return redis("read the ledger of " + couponCode, () -> new LedgerCounts(
                number(redis.hget(keys.campaign(), LedgerKeys.CampaignFields.QUANTITY)), number(redis.get(keys.stock())),
                redis.zcard(keys.issued()), redis.xlen(keys.outbox())));
    }

    /** The coupon member by member: who Redis accepted, who holds a row, who failed and why. */
    public synchronized SaleState state(String couponCode) {
        StoreCounts counts = counts(couponCode);
        Map<Long, Long> issued = redisIssued(couponCode);
        Set<Long> holders = new HashSet<>();
        Map<Long, String> failures = new HashMap<>();
        long duplicates = mysql("read the holders of " + couponCode, db -> {
            query(db, "SELECT member_id FROM coupon_issues WHERE coupon_id = ?", counts.couponId(),
                    row -> holders.add(row.getLong(1)));
            query(db, "SELECT member_id, reason FROM failed_coupon_issues WHERE coupon_id = ? ORDER BY id",
                    counts.couponId(), row -> failures.put(row.getLong(1), row.getString(2)));
            long[] count = new long[1];
            query(db, DUPLICATE_HOLDERS, counts.couponId(), row -> count[0] = row.getLong(1));
            return count[0];
        });
        return new SaleState(couponCode, counts, issued, holders, failures, duplicates);
    }

    /** The ledger's issued set: member id to acceptance time (epoch ms). */
    public synchronized Map<Long, Long> redisIssued(String couponCode) {
        LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
        return redis("read the issued set of " + couponCode, () -> {
            Map<Long, Long> issued = new HashMap<>();
            for (ScoredValue<String> entry : redis.zrangeWithScores(keys.issued(), 0, -1)) {
                issued.put(Long.parseLong(entry.getValue()), (long) entry.getScore());
            }
            return issued;
        });
    }

    /** Whether the ledger counts the member among the coupon's holders. */
    public synchronized boolean redisHolds(String couponCode, long memberId) {
        LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
        return redis("read the issued set of " + couponCode,
                () -> redis.zscore(keys.issued(), Long.toString(memberId)) != null);
    }

    /** Outbox entries a relay has read and Kafka has not acknowledged yet (0 while no relay group exists). */
    public synchronized long pendingInRelays(String couponCode) {
        LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
        try {
            return redis.xpending(keys.outbox(), LedgerKeys.RELAY_GROUP).getCount();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * The entries behind {@link #pendingInRelays}, oldest first, with the member each names (none while no
     * relay group exists), read from the node serving the coupon now.
     */
    public synchronized List<PendingEntry> pendingEntries(String couponCode) {
        LedgerKeys keys = LedgerKeys.forCoupon(couponCode);
        return redis("read the relays' pending entries of " + couponCode, () -> {
            List<PendingMessage> pending;
            try {
                pending = redis.xpending(keys.outbox(), LedgerKeys.RELAY_GROUP, Range.create("-", "+"),
                        Limit.from(Integer.MAX_VALUE));
            } catch (RedisCommandExecutionException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("NOGROUP")) {
                    return List.of();
                }
                throw e;
            }
            if (pending.isEmpty()) {
                return List.of();
            }
            Set<String> ids = new HashSet<>();
            pending.forEach(message -> ids.add(message.getId()));
            // One range read from the oldest pending entry to the newest rather than one read per entry.
            return redis.xrange(keys.outbox(), Range.create(pending.getFirst().getId(), pending.getLast().getId()))
                    .stream().filter(entry -> ids.contains(entry.getId()))
                    .map(entry -> new PendingEntry(entry.getId(),
                            Long.parseLong(entry.getBody().get(LedgerKeys.OutboxFields.MEMBER_ID))))
                    .toList();
        });
    }

    /**
     * Everything a request could change, for these coupons and for the shared reference data: the
     * ledger's keys, campaigns and members, and the MySQL tables' counts, last ids and checksums.
     */
    public synchronized StoreFingerprint fingerprint(String... couponCodes) {
        Map<String, String> readings = new LinkedHashMap<>();
        redis("read the ledger", () -> {
            readings.put("redis keys", Long.toString(redis.dbsize()));
            readings.put("ledger members version", String.valueOf(redis.get(LedgerKeys.MEMBERS_VERSION)));
            readings.put("ledger members", Long.toString(redis.hlen(LedgerKeys.MEMBERS)));
            readings.put("ledger campaigns", new TreeSet<>(redis.smembers(LedgerKeys.CAMPAIGNS)).toString());
            for (String code : couponCodes) {
                LedgerKeys keys = LedgerKeys.forCoupon(code);
                readings.put(code + " campaign", String.valueOf(new TreeMap<>(redis.hgetall(keys.campaign()))));
                readings.put(code + " stock", String.valueOf(redis.get(keys.stock())));
                readings.put(code + " issued", redis.zcard(keys.issued()) + " members, digest "
                        + digest(redis.zrangeWithScores(keys.issued(), 0, -1).stream()
                                .map(v -> v.getValue() + "@" + (long) v.getScore()).sorted().toList()));
                List<StreamMessage<String, String>> last = redis.xrevrange(keys.outbox(), Range.create("-", "+"),
                        Limit.create(0, 1));
                readings.put(code + " outbox", redis.xlen(keys.outbox()) + " entries, last "
                        + (last.isEmpty() ? "none" : last.getFirst().getId()));
            }
            return null;
        });
        mysql("read the tables", db -> {
            readings.put("coupon_issues", single(db, "SELECT CONCAT(COUNT(*), ' rows, last id ', COALESCE(MAX(id), 0))"
                    + " FROM coupon_issues"));
            readings.put("failed_coupon_issues", single(db, "SELECT CONCAT(COUNT(*), ' rows, last id ',"
                    + " COALESCE(MAX(id), 0)) FROM failed_coupon_issues"));
            readings.put("members", single(db, "SELECT CONCAT(COUNT(*), ' rows, checksum ',"
                    + " COALESCE(SUM(CRC32(CONCAT_WS(',', id, status))), 0)) FROM members"));
            readings.put("coupons", single(db, "SELECT CONCAT(COUNT(*), ' rows, checksum ',"
                    + " COALESCE(SUM(CRC32(CONCAT_WS(',', id, code, quantity, status, version))), 0)) FROM coupons"));
            return null;
        });
        return new StoreFingerprint(readings);
    }

    @Override
    public synchronized void close() {
        closeDb();
        redisConnection.close();
        redisClient.shutdown();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private <T> T mysql(String what, SqlWork<T> work) {
        try {
            if (db == null) {
                db = DriverManager.getConnection(settings.jdbcUrl(), settings.mysqlUser(), settings.mysqlPassword());
            }
            return work.run(db);
        } catch (SQLException e) {
            // Opened again on the next read: the server may be on its way back.
            closeDb();
            throw new StoreException("cannot " + what + " in MySQL at " + settings.jdbcUrl() + ": " + e.getMessage(), e);
        }
    }

    private <T> T redis(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("cannot " + what + " in " + settings.describeRedis() + ": " + e.getMessage(), e);
        }
    }

    private void closeDb() {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                // Broken already; a new one is opened on the next read.
            }
            db = null;
        }
    }

    private static void query(Connection db, String sql, long couponId, RowReader reader) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, couponId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }

    private static long number(String value) {
        return value == null ? -1 : Long.parseLong(value);
    }

    private static String digest(List<String> values) {
        CRC32 crc = new CRC32();
        values.forEach(value -> crc.update((value + "\n").getBytes(StandardCharsets.UTF_8)));
        return Long.toHexString(crc.getValue());
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection db) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }
}
