package com.flashsale.coupon.lab.bench;

import com.flashsale.coupon.lab.load.ClosedLoop;
import com.flashsale.coupon.lab.load.HttpConnection;
import com.flashsale.coupon.lab.load.OpenLoop;
import com.flashsale.coupon.lab.load.Endpoint;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** The rows measured on the running system, in the order they run. */
final class SystemPhases {

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(180);
    private static final int CALIBRATION_CALLS = 20_000;
    private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration GENERATOR_WARMUP = Duration.ofSeconds(5);

    private final BenchSettings s;
    private final RunningSystem system;
    private final List<String> notes;
    private final Wrk wrk;
    private long couponId;
    private int quantityBefore;

    SystemPhases(BenchSettings settings, RunningSystem system, List<String> notes) {
        this.s = settings;
        this.system = system;
        this.notes = notes;
        this.wrk = new Wrk(settings.wrkScript().toString(), settings.wrkThreads(), settings.connections());
    }

    void prepare() throws Exception {
        couponId = system.couponId(s.couponCode());
        quantityBefore = quantity();
        if (system.stockView(s.couponCode()).path("quantity").isMissingNode()) {
            throw new IllegalStateException("The gateway at " + s.gatewayHost() + ":" + s.gatewayPort()
                    + " does not show campaign " + s.couponCode() + ": is it up, on the same Redis database?");
        }
        try (HttpConnection probe = new HttpConnection(s.gatewayHost(), s.gatewayPort(), "/bench/constant")) {
            if (probe.post(new Endpoint(null, 0, null, s.couponCode()).body(1)) != 200) {
                throw new IllegalStateException("The gateway has no /bench/constant: start it with the 'bench' profile"
                        + " (bench/run.sh does).");
            }
        }
        step("Members " + BenchMembers.FIRST + ".." + (BenchMembers.FIRST + s.members() - 1));
        long inserted = BenchMembers.ensure(system.db(), s.members());
        System.out.println("  inserted " + inserted + " member rows");
        Settle.awaitQuiet(system, s.couponCode(), couponId, SETTLE_TIMEOUT);
        system.freshSale(s.couponCode(), BenchSettings.UNLIMITED_STOCK);
    }

    Map<String, ResultRow> runAll(List<ResultRow> rows) throws Exception {
        Map<String, ResultRow> named = new HashMap<>();
        ceiling(rows, named);
        warmUp();
        named.put(Targets.FLOOR, add(rows, floor()));
        ResultRow contended = add(rows, contended());
        named.put(Targets.CONTENDED, contended);
        named.put(Targets.FIXED_RATE, add(rows, fixedRate(contended.throughput() / 2)));
        bigSale(rows, named);
        add(rows, soldOut());
        named.put(Targets.DRAIN, add(rows, drain()));
        return named;
    }

    private void ceiling(List<ResultRow> rows, Map<String, ResultRow> named) throws Exception {
        step("Ceiling: redis-benchmark running the issue script");
        RedisClient client = RedisClient.create(RedisURI.builder().withHost(s.redisHost()).withPort(s.redisPort())
                .withDatabase(s.benchRedisDatabase()).withTimeout(Duration.ofSeconds(30)).build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisBenchmark benchmark = new RedisBenchmark(s.issueScript(), s.redisHost(), s.redisPort(),
                    s.benchRedisDatabase(), s.connections());
            // redis-benchmark counts calls, not seconds: a short calibration sizes each row to the same duration as wrk's.
            int calls = callsFor(benchmark.run(connection.sync(), 1_000_000_000L, CALIBRATION_CALLS));
            RedisBenchmark.Result open = benchmark.run(connection.sync(), 1_000_000_000L, calls);
            RedisBenchmark.Result soldOut = benchmark.run(connection.sync(), 0, callsFor(open));
            String load = String.format(Locale.ROOT, "~%d s of calls, %d clients, random members",
                    s.duration().toSeconds(), s.connections());
            ResultRow openRow = new ResultRow("ceiling", "ceiling: redis-benchmark, issue script, stock left", load,
                    open.throughput(), "req/s", open.p50(), open.p99(), open.issued(), -1, -1, Invariants.NOT_APPLICABLE,
                    "Redis database " + s.benchRedisDatabase() + ", campaign " + RedisBenchmark.COUPON
                            + "; every call that drew a new member issued (DECR, ZADD, XADD)");
            named.put(Targets.CEILING, add(rows, openRow));
            add(rows, new ResultRow("ceiling", "ceiling: redis-benchmark, issue script, sold out", load,
                    soldOut.throughput(), "req/s", soldOut.p50(), soldOut.p99(), soldOut.issued(), -1, -1,
                    Invariants.NOT_APPLICABLE, ""));
        } finally {
            client.shutdown();
        }
    }

    private int callsFor(RedisBenchmark.Result calibration) {
        long calls = (long) (calibration.throughput() * s.duration().toSeconds());
        return (int) Math.max(CALIBRATION_CALLS, Math.min(calls, s.ceilingRequests()));
    }

    /**
     * Both endpoints share most of their code (Tomcat, Spring MVC, Jackson): both are warmed before
     * either is measured, so the one measured first is not the one left with a colder JIT.
     */
    private void warmUp() throws Exception {
        step("Warm-up: constant endpoint and issue endpoint, " + s.warmup().toSeconds() + " s each");
        wrk.run(s.constantUrl(), s.warmup(), s.couponCode(), BenchMembers.FIRST, s.members());
        wrk.run(s.issueUrl(), s.warmup(), s.couponCode(), BenchMembers.FIRST, s.members());
    }

    private ResultRow floor() throws Exception {
        step("HTTP floor: the constant-JSON endpoint");
        Wrk.Result r = wrk.run(s.constantUrl(), s.duration(), s.couponCode(), BenchMembers.FIRST, s.members());
        return new ResultRow("floor", "HTTP floor: constant-JSON endpoint", wrkLoad(), r.throughput(), "req/s", r.p50(),
                r.p99(), -1, -1, -1, Invariants.NOT_APPLICABLE, wrkNote(r) + "; same body, same envelope, no decision");
    }

    private ResultRow contended() throws Exception {
        step("Issue endpoint while stock remains");
        freshSale(BenchSettings.UNLIMITED_STOCK);
        Wrk.Result r = wrk.run(s.issueUrl(), s.duration(), s.couponCode(), BenchMembers.FIRST, s.members());
        long loadEnded = System.currentTimeMillis();
        Settle.Settled settled = Settle.await(system, s.couponCode(), couponId, SETTLE_TIMEOUT);
        RunningSystem.Ledger l = settled.ledger();
        RunningSystem.Rows db = system.rows(couponId);
        long repeats = Math.max(0, r.requests() - s.members());
        Invariants invariants = new Invariants(noOversell(l, db), noDuplicateRows(db),
                Invariants.check(settled.settled() && db.rows() == l.issued() && r.ok() <= l.issued() && db.failed() == 0,
                        r.ok() + " answers 200, ledger " + l.issued() + " issued, MySQL " + db.rows() + " rows, "
                                + db.failed() + " failed rows, settled " + settled.settled()),
                Invariants.check(r.non2xx() <= repeats, r.non2xx() + " refusals while stock remained, but only "
                        + repeats + " requests repeated a member"));
        return new ResultRow("system", "issue endpoint, stock left (contended)", wrkLoad() + ", distinct members",
                r.throughput(), "req/s", r.p50(), r.p99(), l.issued(), Math.max(0, l.issued() - l.quantity()),
                db.rows() - db.members(), invariants, wrkNote(r) + "; " + l.issued() + " issued, settled "
                        + seconds(settled.atMillis() - loadEnded) + " after the load ended");
    }

    private ResultRow fixedRate(double rate) throws Exception {
        step(String.format(Locale.ROOT, "Latency at a fixed rate of %.0f req/s (half the maximum)", rate));
        // The generator runs in this JVM: warmed on the constant endpoint first, its own JIT compiles
        // do not land in the measured percentiles (they added tens of milliseconds to p99.9 cold).
        OpenLoop.run(new Endpoint(s.gatewayHost(), s.gatewayPort(), "/bench/constant", s.couponCode()), rate,
                GENERATOR_WARMUP, s.connections(), i -> BenchMembers.FIRST);
        freshSale(BenchSettings.UNLIMITED_STOCK);
        Endpoint target = new Endpoint(s.gatewayHost(), s.gatewayPort(), "/api/v1/coupons/issue", s.couponCode());
        int members = s.members();
        OpenLoop.Result o = OpenLoop.run(target, rate, s.duration(), s.connections(), i -> BenchMembers.FIRST + i % members);
        Settle.Settled settled = Settle.await(system, s.couponCode(), couponId, SETTLE_TIMEOUT);
        RunningSystem.Ledger l = settled.ledger();
        RunningSystem.Rows db = system.rows(couponId);
        long ok = o.statuses().count(200);
        Invariants invariants = new Invariants(noOversell(l, db), noDuplicateRows(db),
                Invariants.check(settled.settled() && ok <= l.issued() && db.rows() == l.issued() && db.failed() == 0,
                        ok + " answers 200, ledger " + l.issued() + ", MySQL " + db.rows()),
                Invariants.check(ok == o.offered() && o.errors() == 0, "of " + o.offered()
                        + " distinct members asking while stock remained, " + ok + " got a coupon (" + o.statuses()
                        + ", " + o.errors() + " connection errors)"));
        return new ResultRow("system", "issue endpoint at a fixed rate (open loop)",
                String.format(Locale.ROOT, "%,.0f req/s offered for %d s, %d conns", rate, s.duration().toSeconds(),
                        s.connections()),
                o.achievedRate(), "req/s", o.latency().p50(), o.latency().p99(), l.issued(), 0, db.rows() - db.members(),
                invariants, String.format(Locale.ROOT, "latency from each request's due time (open loop); p99.9 %.1f ms,"
                        + " max %.1f ms; answers %s", o.latency().p999(), o.latency().max(), o.statuses()));
    }

    private void bigSale(List<ResultRow> rows, Map<String, ResultRow> named) throws Exception {
        int quantity = s.saleQuantity();
        step(String.format(Locale.ROOT, "Big sale: %,d members, %,d coupons, %,d requests", s.saleMembers(), quantity,
                s.saleRequests()));
        freshSale(quantity);
        long[] members = saleRequests(s.saleMembers(), s.saleRequests());
        Endpoint target = new Endpoint(s.gatewayHost(), s.gatewayPort(), "/api/v1/coupons/issue", s.couponCode());
        ClosedLoop.Result b;
        Settle.Settled settled;
        long lastRowAt;
        try (RowWatcher watcher = watchRows()) {
            b = ClosedLoop.run(target, members, s.connections());
            settled = Settle.await(system, s.couponCode(), couponId, SETTLE_TIMEOUT);
            lastRowAt = watcher.lastChangeAtMillis();
        }
        RunningSystem.Ledger l = settled.ledger();
        RunningSystem.Rows db = system.rows(couponId);
        Map<Long, Integer> successes = new HashMap<>();
        for (int i = 0; i < members.length; i++) {
            if (b.statuses()[i] == 200) {
                successes.merge(members[i], 1, Integer::sum);
            }
        }
        long ok = successes.values().stream().mapToLong(Integer::longValue).sum();
        long twice = successes.values().stream().filter(n -> n > 1).count();
        Set<Long> persisted = system.membersWithRows(couponId);
        long missing = successes.keySet().stream().filter(m -> !persisted.contains(m)).count();
        Invariants invariants = new Invariants(
                Invariants.check(ok <= quantity && l.issued() <= quantity && db.rows() <= quantity && l.stock() >= 0,
                        ok + " answers 200, ledger " + l.issued() + ", MySQL " + db.rows() + " for " + quantity),
                Invariants.check(twice == 0 && db.rows() == db.members(), twice + " members answered 200 twice"),
                Invariants.check(settled.settled() && missing == 0 && db.rows() == l.issued() && db.failed() == 0,
                        missing + " members answered 200 have no row; ledger " + l.issued() + ", MySQL " + db.rows()
                                + ", failed rows " + db.failed()),
                Invariants.check(db.rows() == quantity, db.rows() + " coupons issued of " + quantity + " although "
                        + s.saleMembers() + " members asked"));
        double settleSeconds = Math.max(0, lastRowAt - b.lastSuccessAtMillis()) / 1000.0;
        double saleRowsPerSecond = persistenceRate();
        add(rows, new ResultRow("system", "big sale: issue endpoint, mostly refusals",
                String.format(Locale.ROOT, "%,d requests of %,d members for %,d coupons, %d conns", s.saleRequests(),
                        s.saleMembers(), quantity, s.connections()),
                b.throughput(), "req/s", b.latency().p50(), b.latency().p99(), ok, Math.max(0, ok - quantity), twice,
                invariants, "closed loop, every answer kept: " + b.byStatus() + ", " + b.errors()
                        + " connection errors; the worker persisted the sale at "
                        + Target.number(saleRowsPerSecond) + " rows/s (MySQL timestamps)"));
        ResultRow settle = new ResultRow("worker", "settle time: last 200 answer → last row in MySQL",
                String.format(Locale.ROOT, "%,d-coupon sale", quantity), settleSeconds, "s", 0, 0, db.rows(), -1, -1,
                invariants, "outbox relay → Kafka → worker batch insert; MySQL row count polled every 5 ms during the sale");
        named.put(Targets.SETTLE, add(rows, settle));
    }

    private ResultRow soldOut() throws Exception {
        step("Issue endpoint after sell-out");
        Wrk.Result r = wrk.run(s.issueUrl(), s.duration(), s.couponCode(), BenchMembers.FIRST, s.members());
        Settle.Settled settled = Settle.await(system, s.couponCode(), couponId, SETTLE_TIMEOUT);
        RunningSystem.Ledger l = settled.ledger();
        RunningSystem.Rows db = system.rows(couponId);
        Invariants invariants = new Invariants(noOversell(l, db), noDuplicateRows(db),
                Invariants.check(r.ok() == 0 && db.rows() == l.issued(), r.ok() + " answers 200 after sell-out"),
                Invariants.check(db.rows() == l.quantity(), db.rows() + " rows for " + l.quantity()));
        return new ResultRow("system", "issue endpoint, sold out", wrkLoad() + ", distinct members", r.throughput(),
                "req/s", r.p50(), r.p99(), 0, Math.max(0, l.issued() - l.quantity()), db.rows() - db.members(), invariants,
                wrkNote(r) + "; every answer is 409 COUPON-003 or COUPON-002");
    }

    private ResultRow drain() throws Exception {
        int events = s.drainEvents();
        step(String.format(Locale.ROOT, "Worker: %,d events already in Kafka", events));
        freshSale(BenchSettings.UNLIMITED_STOCK);
        Settle.Settled done;
        double seconds;
        try (RowWatcher watcher = watchRows()) {
            WorkerDrain.publish(s.kafkaBootstrap(), s.issuedTopic(), couponId, s.couponCode(), BenchMembers.FIRST, events);
            done = Settle.awaitRows(system, s.couponCode(), couponId, events, SETTLE_TIMEOUT);
            seconds = Math.max(1, watcher.lastChangeAtMillis() - watcher.firstRowAtMillis()) / 1000.0;
        }
        Invariants invariants = new Invariants("n/a",
                Invariants.check(done.rows() == events, done.rows() + " rows for " + events + " events"),
                Invariants.check(done.settled(), "only " + done.rows() + " of " + events + " events persisted"), "n/a");
        return new ResultRow("worker", "worker persistence (drain of a Kafka backlog)",
                String.format(Locale.ROOT, "%,d events published straight to Kafka", events), events / seconds,
                "rows/s", 0, 0, done.rows(), -1, -1, invariants,
                "from the first row seen to the last, polled every 5 ms; the reset that follows removes these rows");
    }

    /** Leaves the system as the bench found it: settled, reset, bench members gone, the quantity as before. */
    void restore() throws Exception {
        step("Restoring the system");
        Settle.awaitQuiet(system, s.couponCode(), couponId, SETTLE_TIMEOUT);
        system.reset();
        if (!s.keepMembers()) {
            System.out.println("  removed " + BenchMembers.remove(system.db()) + " bench members");
        }
        system.freshSale(s.couponCode(), quantityBefore);
    }

    private void freshSale(int quantity) throws Exception {
        Settle.awaitQuiet(system, s.couponCode(), couponId, SETTLE_TIMEOUT);
        system.freshSale(s.couponCode(), quantity);
        System.out.println("  " + QuietMachine.await(QUIET_TIMEOUT));
    }

    /** Every member asks {@code requests / members} times, in a shuffled order (fixed seed: same load every run). */
    static long[] saleRequests(int members, int requests) {
        long[] list = new long[requests];
        for (int i = 0; i < requests; i++) {
            list[i] = BenchMembers.FIRST + i % members;
        }
        Random random = new Random(20_261_124L);
        for (int i = list.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = list[i];
            list[i] = list[j];
            list[j] = swap;
        }
        return list;
    }

    private RowWatcher watchRows() throws SQLException {
        return new RowWatcher(s.jdbcUrl(), s.mysqlUser(), s.mysqlPassword(), couponId);
    }

    private double persistenceRate() throws SQLException {
        try (Statement st = system.db().createStatement(); ResultSet r = st.executeQuery(
                "SELECT COUNT(*), TIMESTAMPDIFF(MICROSECOND, MIN(created_at), MAX(created_at)) FROM coupon_issues"
                        + " WHERE coupon_id = " + couponId)) {
            r.next();
            long micros = r.getLong(2);
            return micros <= 0 ? 0 : r.getLong(1) / (micros / 1e6);
        }
    }

    private int quantity() throws SQLException {
        try (Statement st = system.db().createStatement();
                ResultSet r = st.executeQuery("SELECT quantity FROM coupons WHERE id = " + couponId)) {
            r.next();
            int quantity = r.getInt(1);
            // A bench stopped half-way leaves one of its own quantities behind: the seed's is 100.
            return quantity == BenchSettings.UNLIMITED_STOCK || quantity == s.saleQuantity() ? 100 : quantity;
        }
    }

    private static String noOversell(RunningSystem.Ledger l, RunningSystem.Rows db) {
        return Invariants.check(l.issued() <= l.quantity() && db.rows() <= l.quantity() && l.stock() >= 0
                && l.stock() + l.issued() == l.quantity(), "ledger quantity " + l.quantity() + ", stock " + l.stock()
                + ", issued " + l.issued() + "; MySQL rows " + db.rows());
    }

    private static String noDuplicateRows(RunningSystem.Rows db) {
        return Invariants.check(db.rows() == db.members(), db.rows() + " rows for " + db.members() + " members");
    }

    private String wrkLoad() {
        return "wrk " + s.duration().toSeconds() + " s, " + s.connections() + " conns";
    }

    private static String wrkNote(Wrk.Result r) {
        return String.format(Locale.ROOT, "wrk: %,d requests, %,d non-2xx, %d socket errors", r.requests(), r.non2xx(),
                r.socketErrors());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    private static ResultRow add(List<ResultRow> rows, ResultRow row) {
        rows.add(row);
        System.out.printf(Locale.ROOT, "  %-50s %12s %s%n", row.name(), Target.number(row.throughput()) + " " + row.unit(),
                row.invariants().allHold() ? "" : "invariant FAILED: " + row.invariants().failures());
        return row;
    }

    private static void step(String what) {
        System.out.println("== " + java.time.LocalTime.now().withNano(0) + " " + what);
    }
}
