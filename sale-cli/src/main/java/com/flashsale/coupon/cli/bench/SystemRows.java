package com.flashsale.coupon.cli.bench;

import com.flashsale.coupon.cli.bench.cpu.Cost;
import com.flashsale.coupon.cli.bench.cpu.CpuMeter;
import com.flashsale.coupon.cli.bench.cpu.CpuWindow;
import com.flashsale.coupon.cli.bench.cpu.Role;
import com.flashsale.coupon.kit.api.Caller;
import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.check.AnswerFacts;
import com.flashsale.coupon.kit.check.Expectations;
import com.flashsale.coupon.kit.check.Invariant;
import com.flashsale.coupon.kit.check.InvariantChecker;
import com.flashsale.coupon.kit.check.SaleFacts;
import com.flashsale.coupon.kit.check.Verdict;
import com.flashsale.coupon.kit.check.Verdicts;
import com.flashsale.coupon.kit.load.LoadResult;
import com.flashsale.coupon.kit.load.Loop;
import com.flashsale.coupon.kit.load.Percentiles;
import com.flashsale.coupon.kit.settle.Settle;
import com.flashsale.coupon.kit.settle.Settled;
import com.flashsale.coupon.kit.store.SaleState;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The rows measured on the running system, in the order they run. Between rows that sell, the sale
 * is reset, and only once the previous row has settled, so no row's leftovers leak into the next.
 * Each row's CPU cost is read over exactly its measured window: the load tool's run, or the kit's loop.
 */
final class SystemRows {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(180);
    private static final int CALIBRATION_CALLS = 20_000;
    private static final Duration GENERATOR_WARMUP = Duration.ofSeconds(5);
    /** Long enough for the machine's busy share at a rate to be measured. */
    private static final Duration RATE_PROBE = Duration.ofSeconds(3);
    /** Warm: the gateway's CPU per constant answer moved less than this from one warm-up turn to the next. */
    private static final double WARM_CHANGE = 0.10;
    /**
     * The share of all CPUs the fixed-rate row is offered at, the system's processes and the generator
     * together: the target allows 60 %, and the rest is headroom for the machine's other work.
     */
    static final double FIXED_RATE_SHARE = 0.4;
    /** Members whose tokens are sent again and again: far fewer than the gateway's cache of verified tokens holds. */
    private static final int KNOWN_TOKENS = 1_000;
    /** Long enough for every known token to be sent, and so verified, once before the measured run. */
    private static final Duration FIRST_PASS = Duration.ofSeconds(3);

    private final BenchRun run;
    private final BenchSettings s;
    private final BenchSale sale;
    private final Wrk wrk;
    private final Optional<CpuMeter> tokensMeter;
    private final InvariantChecker checker = new InvariantChecker();
    private Map<Outcome, Long> saleOutcomes = Map.of();

    SystemRows(BenchRun run, Optional<CpuMeter> tokensMeter) {
        this.run = run;
        this.s = run.settings();
        this.tokensMeter = tokensMeter;
        this.wrk = new Wrk(s.wrkScript().toString(), s.wrkThreads(), s.connections());
        this.sale = new BenchSale(run);
    }

    void prepare() throws Exception {
        LocalTarget gateway = run.client().services().gateway();
        if (run.client().stock(s.couponCode()).quantity() <= 0) {
            throw new IllegalStateException("The gateway at " + gateway + " does not show campaign "
                    + s.couponCode() + ": is it up, on the same Redis database as " + s.stores().describe() + "?");
        }
        int constant = run.client().send(gateway, "POST", "/bench/constant", body(BenchMembers.FIRST),
                Caller.member(BenchMembers.FIRST)).status();
        if (constant != 200) {
            throw new IllegalStateException("The gateway at " + gateway + " has no /bench/constant"
                    + " (HTTP " + constant + "): start it with the 'bench' profile (bench/run.sh does).");
        }
        step("Members " + BenchMembers.FIRST + ".." + (BenchMembers.FIRST + s.members() - 1));
        sale.open();
    }

    /** Leaves the system as the bench found it: settled, reset, bench members gone, the quantity as before. */
    void restore() throws Exception {
        step("Restoring the system");
        sale.restore();
    }

    /**
     * Every row of the system. The cost rows are the constant endpoint, the issue endpoint with stock
     * left, and after sell-out; with a gateway that asks for tokens, the constant and the issue endpoint
     * again there, each request with its own member's token (minted ahead, as the kit's credentials
     * are), so the two issue rows side by side are what tokens cost. On a Redis Cluster, the same rows
     * run with every node's process measured under Redis, but for the ceiling: it calls the script on
     * one Redis database, which a cluster does not have.
     */
    Map<String, ResultRow> runAll(List<ResultRow> rows) throws Exception {
        Map<String, ResultRow> named = new HashMap<>();
        if (s.stores().redisCluster()) {
            run.note("Redis Cluster " + s.stores().redisClusterNodes() + ": every node's CPU counted under Redis;"
                    + " no ceiling rows (redis-benchmark runs the script on one Redis database)");
        } else {
            ceiling(rows, named);
        }
        warmUp();
        named.put(Targets.FLOOR, add(rows, floor()));
        ResultRow contended = add(rows, contended());
        named.put(Targets.CONTENDED, contended);
        named.put(Targets.FIXED_RATE, add(rows, fixedRate(contended)));
        if (s.tokens().isPresent() && tokensMeter.isPresent()) {
            withTokens(rows, named, s.tokens().get(), tokensMeter.get(), contended);
        }
        bigSale(rows, named);
        named.put(Targets.SOLD_OUT, add(rows, soldOut()));
        named.put(Targets.DRAIN, add(rows, drain()));
        return named;
    }

    private void ceiling(List<ResultRow> rows, Map<String, ResultRow> named) throws Exception {
        step("Ceiling: redis-benchmark running the issue script");
        RedisClient redis = RedisClient.create(RedisURI.builder().withHost(s.stores().redisHost())
                .withPort(s.stores().redisPort()).withDatabase(s.benchRedisDatabase()).withTimeout(Duration.ofSeconds(30))
                .build());
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            RedisBenchmark benchmark = new RedisBenchmark(s.issueScript(), s.stores().redisHost(), s.stores().redisPort(),
                    s.benchRedisDatabase(), s.connections());
            // redis-benchmark counts calls, not seconds: a short calibration sizes each row to the same duration as wrk's.
            CpuMeter meter = run.meter();
            int calls = callsFor(benchmark.run(connection.sync(), 1_000_000_000L, CALIBRATION_CALLS, meter).result());
            CpuMeter.Measured<RedisBenchmark.Result> open = benchmark.run(connection.sync(), 1_000_000_000L, calls, meter);
            CpuMeter.Measured<RedisBenchmark.Result> soldOut = benchmark.run(connection.sync(), 0, callsFor(open.result()),
                    meter);
            String load = String.format(Locale.ROOT, "~%d s of calls, %d clients, random members",
                    s.duration().toSeconds(), s.connections());
            named.put(Targets.CEILING, add(rows, new ResultRow("ceiling", "ceiling: redis-benchmark, issue script, stock left",
                    load, open.result().throughput(), "req/s", open.result().p50(), open.result().p99(),
                    open.result().issued(), -1, -1, ResultRow.NONE, Optional.of(open.window().per(calls)),
                    "Redis database " + s.benchRedisDatabase() + ", campaign " + RedisBenchmark.COUPON
                            + "; every call that drew a new member issued (DECR, ZADD, XADD)")));
            add(rows, new ResultRow("ceiling", "ceiling: redis-benchmark, issue script, sold out", load,
                    soldOut.result().throughput(), "req/s", soldOut.result().p50(), soldOut.result().p99(),
                    soldOut.result().issued(), -1, -1, ResultRow.NONE,
                    Optional.of(soldOut.window().per(callsFor(open.result()))), ""));
        } finally {
            redis.shutdown();
        }
    }

    private int callsFor(RedisBenchmark.Result calibration) {
        long calls = (long) (calibration.throughput() * s.duration().toSeconds());
        return (int) Math.max(CALIBRATION_CALLS, Math.min(calls, s.ceilingRequests()));
    }

    /**
     * Both endpoints share most of their code (Tomcat, Spring MVC, Jackson): both are warmed, in turns,
     * before either is measured, so the one measured first is not the one left with a colder JIT. The
     * turns go on until at least the warm-up time has passed and the gateway's CPU per constant answer
     * has stopped falling (its JIT compiler threads count as the gateway's CPU, so a gateway still
     * compiling costs more per request): on a busy machine the gateway gets so little CPU that a fixed
     * time does not warm it. At most three times the warm-up time.
     */
    private void warmUp() throws Exception {
        warmUp("", run.meter(),
                () -> wrk.run(constantUrl(), s.duration(), s.couponCode(), BenchMembers.FIRST, s.members()),
                () -> wrk.run(issueUrl(), s.duration(), s.couponCode(), BenchMembers.FIRST, s.members()));
    }

    private void warmUp(String which, CpuMeter meter, Callable<Wrk.Result> constantLoad, Callable<Wrk.Result> issueLoad)
            throws Exception {
        step("Warm-up" + which + ": constant endpoint and issue endpoint in turns of " + s.duration().toSeconds()
                + " s, at least " + s.warmup().toSeconds() + " s and until the gateway's CPU per request is steady");
        long started = System.nanoTime();
        long atLeast = s.warmup().toNanos();
        double last = Double.NaN;
        for (int turn = 1; ; turn++) {
            CpuMeter.Measured<Wrk.Result> constant = meter.measure(constantLoad);
            issueLoad.call();
            double micros = constant.result().requests() == 0 ? Double.NaN
                    : constant.window().per(constant.result().requests()).micros(Role.GATEWAY);
            long elapsed = System.nanoTime() - started;
            boolean steady = Math.abs(micros - last) <= WARM_CHANGE * last;
            run.line(String.format(Locale.ROOT, "  turn %d: gateway %.0f µs per constant answer%s", turn, micros,
                    steady ? " (steady)" : ""));
            if ((elapsed >= atLeast && steady) || elapsed >= 3 * atLeast) {
                return;
            }
            last = micros;
        }
    }

    private ResultRow floor() throws Exception {
        step("HTTP floor: the constant-JSON endpoint");
        CpuMeter.Measured<Wrk.Result> m = run.meter().measure(
                () -> wrk.run(constantUrl(), s.duration(), s.couponCode(), BenchMembers.FIRST, s.members()));
        Wrk.Result r = m.result();
        return new ResultRow("floor", "HTTP floor: constant-JSON endpoint", wrkLoad(), r.throughput(), "req/s", r.p50(),
                r.p99(), -1, -1, -1, ResultRow.NONE, cost(m.window(), r.requests()),
                wrkNote(r) + "; same body, same envelope, no decision");
    }

    private ResultRow contended() throws Exception {
        step("Issue endpoint while stock remains");
        return contended("issue endpoint, stock left (contended)", run.meter(), s.members(),
                () -> wrk.run(issueUrl(), s.duration(), s.couponCode(), BenchMembers.FIRST, s.members()));
    }

    /** The issue endpoint with stock left, on a fresh sale, asked by {@code members} distinct members before any repeats. */
    private ResultRow contended(String name, CpuMeter meter, long members, Callable<Wrk.Result> load) throws Exception {
        sale.fresh(BenchSettings.UNLIMITED_STOCK);
        CpuMeter.Measured<Wrk.Result> m = meter.measure(load);
        Wrk.Result r = m.result();
        long loadEnded = System.nanoTime();
        Settled settled = sale.settleForChecks(Duration.ofMillis(100));
        SaleState state = sale.state();
        long repeats = Math.max(0, r.requests() - members);
        Verdicts verdicts = checker.check(new SaleFacts(state, AnswerFacts.counts(
                r.outcomes(Outcome.DUPLICATE, repeats, s.connections()), r.distinctMembers(members)),
                Expectations.none().only(Outcome.ISSUED, Outcome.DUPLICATE, Outcome.UNKNOWN, Outcome.UNAVAILABLE)));
        long issued = state.counts().redisIssued();
        return new ResultRow("system", name, wrkLoad() + ", distinct members",
                r.throughput(), "req/s", r.p50(), r.p99(), issued, Math.max(0, issued - state.counts().quantity()),
                state.duplicateHolders(), verdicts, cost(m.window(), r.requests()), wrkNote(r) + "; " + issued
                        + " issued, settled " + BenchRun.seconds(settled.lastChangeAt() - loadEnded)
                        + " after the load ended");
    }

    /**
     * The constant and the issue endpoint on the gateway that asks for tokens, after its own warm-up:
     * every request carries its member's token, enough members for the issue row to ask each once (as
     * the row without tokens does), signed before anything is measured. Each token is new to the
     * gateway when first sent, so its signature is verified: the figure is the cost of a first request.
     */
    private void withTokens(List<ResultRow> rows, Map<String, ResultRow> named, BenchSettings.Tokens tokens,
            CpuMeter tokensMeter, ResultRow contended) throws Exception {
        int count = (int) Math.min(s.members(), Math.max(1_000, Math.round(contended.throughput() * s.duration().toSeconds() * 1.5)));
        step(String.format(Locale.ROOT, "Tokens: %,d members' tokens signed with the development key, for %s", count,
                tokens.gateway()));
        Path file = Files.createTempFile("bench-tokens-", ".txt");
        try {
            long started = System.nanoTime();
            List<String> signed = LongStream.range(BenchMembers.FIRST, BenchMembers.FIRST + count).parallel()
                    .mapToObj(tokens.issuer()::member).toList();
            Files.write(file, signed);
            run.line(String.format(Locale.ROOT, "  signed in %s", BenchRun.seconds(System.nanoTime() - started)));
            String constant = tokens.gateway().resolve("/bench/constant").toString();
            String issue = tokens.gateway().resolve("/api/v1/coupons/issue").toString();
            warmUp(" with tokens", tokensMeter, () -> wrk.runWithTokens(constant, s.duration(), s.couponCode(), file),
                    () -> wrk.runWithTokens(issue, s.duration(), s.couponCode(), file));
            step("HTTP floor with tokens: the constant-JSON endpoint");
            CpuMeter.Measured<Wrk.Result> m = tokensMeter.measure(
                    () -> wrk.runWithTokens(constant, s.duration(), s.couponCode(), file));
            Wrk.Result r = m.result();
            named.put(Targets.FLOOR_TOKENS, add(rows, new ResultRow("floor", "HTTP floor with tokens: constant-JSON endpoint",
                    wrkLoad() + ", a token per member", r.throughput(), "req/s", r.p50(), r.p99(), -1, -1, -1,
                    ResultRow.NONE, cost(m.window(), r.requests()), wrkNote(r) + "; the same, behind the token check")));
            step("Issue endpoint while stock remains, with tokens");
            named.put(Targets.CONTENDED_TOKENS, add(rows, contended("issue endpoint, stock left, with tokens",
                    tokensMeter, count, () -> wrk.runWithTokens(issue, s.duration(), s.couponCode(), file))));
            withTokensAlreadyVerified(rows, named, signed, constant, tokensMeter);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The constant endpoint with tokens the gateway has verified before: a few members' tokens, each
     * sent in a first pass, then sent again and again, each found in the gateway's cache of verified
     * tokens. Against row 3 it is what the security chain and the limits add beyond the verification.
     */
    private void withTokensAlreadyVerified(List<ResultRow> rows, Map<String, ResultRow> named, List<String> signed,
            String constant, CpuMeter tokensMeter) throws Exception {
        List<String> knownTokens = signed.subList(0, Math.min(KNOWN_TOKENS, signed.size()));
        Path known = Files.createTempFile("bench-known-tokens-", ".txt");
        try {
            Files.write(known, knownTokens);
            step("HTTP floor with tokens already verified: the constant-JSON endpoint, after a first pass of "
                    + FIRST_PASS.toSeconds() + " s over " + knownTokens.size() + " members' tokens");
            wrk.runWithTokens(constant, FIRST_PASS, s.couponCode(), known);
            CpuMeter.Measured<Wrk.Result> m = tokensMeter.measure(
                    () -> wrk.runWithTokens(constant, s.duration(), s.couponCode(), known));
            Wrk.Result r = m.result();
            named.put(Targets.FLOOR_KNOWN_TOKENS, add(rows, new ResultRow("floor",
                    "HTTP floor with tokens already verified: constant-JSON endpoint",
                    wrkLoad() + ", " + knownTokens.size() + " members' tokens, each verified before",
                    r.throughput(), "req/s", r.p50(), r.p99(), -1, -1, -1, ResultRow.NONE, cost(m.window(), r.requests()),
                    wrkNote(r) + "; the same, behind the token check, every token found in the gateway's cache")));
        } finally {
            Files.deleteIfExists(known);
        }
    }

    /** Where the search starts: half the saturated rate, or less where the issue row's CPU cost says so. */
    private double firstRate(ResultRow contended) {
        if (contended.throughput() <= 0) {
            throw new IllegalStateException("The issue endpoint answered no request in " + s.duration().toSeconds()
                    + " s: the machine is too busy to measure the system (load average " + Machine.loadAverage() + ")");
        }
        double half = contended.throughput() / 2;
        return contended.cost().map(c -> Math.min(half,
                FIXED_RATE_SHARE * c.window().cores() * 1e6 / c.processMicros())).orElse(half);
    }

    /**
     * The rate at which the system's processes and the generator would use {@link #FIXED_RATE_SHARE} of
     * the machine, scaled from a run's answered rate and the share it used. Scaled up, each request
     * costs less (more share a wake-up) and the share lands under; scaled down, a little over, which the
     * target's 60 % leaves room for.
     */
    static double scaledToShare(double answeredRate, double usedShare) {
        return usedShare <= 0 ? answeredRate : answeredRate * FIXED_RATE_SHARE / usedShare;
    }

    private static double scaledToShare(CpuMeter.Measured<LoadResult> run) {
        return scaledToShare(run.result().throughput(), run.window().processShare());
    }

    private ResultRow fixedRate(ResultRow contended) throws Exception {
        step("Latency at a fixed rate");
        double rate = chooseRate(contended);
        run.line(String.format(Locale.ROOT, "  offered %.0f req/s for %d s", rate, s.duration().toSeconds()));
        sale.fresh(BenchSettings.UNLIMITED_STOCK);
        int members = s.members();
        CpuMeter.Measured<LoadResult> m = run.meter().measure(() -> openLoop(rate, s.duration()));
        LoadResult o = m.result();
        sale.settleForChecks(Duration.ofMillis(100));
        SaleState state = sale.state();
        Expectations expected = o.log().size() > members
                ? Expectations.none().only(Outcome.ISSUED, Outcome.DUPLICATE, Outcome.UNAVAILABLE)
                : Expectations.none().only(Outcome.ISSUED, Outcome.UNAVAILABLE);
        Verdicts verdicts = checker.check(new SaleFacts(state, AnswerFacts.of(o.log().all()), expected));
        Percentiles latency = o.latency();
        long issued = state.counts().redisIssued();
        Optional<Cost> cost = cost(m.window(), o.log().size());
        return new ResultRow("system", "issue endpoint at a fixed rate (open loop)",
                String.format(Locale.ROOT, "%,.0f req/s offered for %d s, %d conns", rate, s.duration().toSeconds(),
                        s.connections()),
                o.throughput(), "req/s", latency.p50(), latency.p99(), issued, 0, state.duplicateHolders(), verdicts, cost,
                String.format(Locale.ROOT, "latency from each request's due time (open loop); p99.9 %.1f ms,"
                        + " max %.1f ms; answers %s; machine %.0f %% busy over the window, the system's processes and"
                        + " the generator %.0f %%", latency.p999(), latency.max(), o.log().keyCounts(),
                        m.window().machineBusyShare() * 100, m.window().processShare() * 100));
    }

    /**
     * --fixed-rate, or a rate found by measuring: the issue row's CPU per request cannot say it, since the
     * kit's open loop costs this JVM several times what wrk costs per request. The loop warms up first,
     * so its JIT compiles stay out of the measured percentiles (tens of milliseconds at p99.9 cold); the
     * rate scaled from the warm-up's busy share is probed, and the rate scaled from the probe, which no
     * longer saturates the machine, is the row's.
     */
    private double chooseRate(ResultRow contended) throws Exception {
        double first = s.fixedRate() > 0 ? s.fixedRate() : firstRate(contended);
        run.line(String.format(Locale.ROOT, "  the open loop warms up at %.0f req/s for %d s", first,
                GENERATOR_WARMUP.toSeconds()));
        if (s.fixedRate() > 0) {
            openLoop(first, GENERATOR_WARMUP);
            return first;
        }
        double probe = scaledToShare(run.meter().measure(() -> openLoop(first, GENERATOR_WARMUP)));
        run.line(String.format(Locale.ROOT, "  probing %.0f req/s for %d s", probe, RATE_PROBE.toSeconds()));
        return Math.min(first, scaledToShare(run.meter().measure(() -> openLoop(probe, RATE_PROBE))));
    }

    private LoadResult openLoop(double rate, Duration duration) throws InterruptedException {
        int members = s.members();
        return Loop.open(run.client(), s.couponCode(), rate).clients(s.connections()).duration(duration)
                .members(i -> BenchMembers.FIRST + i % members).run();
    }

    private void bigSale(List<ResultRow> rows, Map<String, ResultRow> named) throws Exception {
        int quantity = s.saleQuantity();
        step(String.format(Locale.ROOT, "Big sale: %,d members, %,d coupons, %,d requests", s.saleMembers(), quantity,
                s.saleRequests()));
        sale.fresh(quantity);
        long[] requests = saleRequests(s.saleMembers(), s.saleRequests());
        CpuMeter.Measured<LoadResult> m = run.meter().measure(
                () -> Loop.closed(run.client(), s.couponCode()).clients(s.connections()).members(requests).run());
        LoadResult b = m.result();
        sale.settleForChecks(Duration.ofMillis(100));
        SaleState state = sale.state();
        saleOutcomes = b.log().counts();
        Set<Long> members = LongStream.range(BenchMembers.FIRST, BenchMembers.FIRST + s.saleMembers()).boxed()
                .collect(Collectors.toSet());
        Verdicts verdicts = checker.check(new SaleFacts(state, AnswerFacts.of(b.log().all()), Expectations.none()
                .eligible(members).only(Outcome.ISSUED, Outcome.DUPLICATE, Outcome.SOLD_OUT, Outcome.UNAVAILABLE)
                .requests(requests.length)));
        long ok = b.count(Outcome.ISSUED);
        // The last row's MySQL timestamp against the last yes on the same clock: no polling while the sale runs.
        double settleSeconds = b.log().lastAnsweredAt(Outcome.ISSUED).isEmpty() ? 0
                : Math.max(0, sale.lastRowMillis() - b.wallMillis(b.log().lastAnsweredAt(Outcome.ISSUED).getAsLong())) / 1000.0;
        add(rows, new ResultRow("system", "big sale: issue endpoint, mostly refusals",
                String.format(Locale.ROOT, "%,d requests of %,d members for %,d coupons, %d conns", s.saleRequests(),
                        s.saleMembers(), quantity, s.connections()),
                b.throughput(), "req/s", b.latency().p50(), b.latency().p99(), ok, Math.max(0, ok - quantity),
                state.duplicateHolders(), verdicts, cost(m.window(), b.log().size()),
                "closed loop, every answer kept: " + b.log().keyCounts() + "; the worker persisted the sale at "
                        + Target.number(sale.persistenceRate()) + " rows/s (MySQL timestamps)"));
        ResultRow settle = new ResultRow("worker", "settle time: last 200 answer → last row in MySQL",
                String.format(Locale.ROOT, "%,d-coupon sale", quantity), settleSeconds, "s", 0, 0,
                state.counts().rows(), -1, -1, verdicts, Optional.empty(),
                "outbox relay → Kafka → worker batch insert; the last row's MySQL timestamp against the wall-clock"
                        + " time of the last 200 answer");
        named.put(Targets.SETTLE, add(rows, settle));
    }

    private ResultRow soldOut() throws Exception {
        step("Issue endpoint after sell-out");
        CpuMeter.Measured<Wrk.Result> m = run.meter().measure(
                () -> wrk.run(issueUrl(), s.duration(), s.couponCode(), BenchMembers.FIRST, s.members()));
        Wrk.Result r = m.result();
        sale.settleForChecks(Duration.ofMillis(100));
        SaleState state = sale.state();
        // The sale's answers and this row's together: the holders were told yes in the sale.
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        outcomes.putAll(saleOutcomes);
        r.outcomes(Outcome.SOLD_OUT, Long.MAX_VALUE, s.connections())
                .forEach((outcome, count) -> outcomes.merge(outcome, count, Long::sum));
        Verdicts verdicts = checker.check(new SaleFacts(state,
                AnswerFacts.counts(outcomes, Math.max(s.saleMembers(), r.distinctMembers(s.members()))),
                Expectations.none().only(Outcome.ISSUED, Outcome.DUPLICATE, Outcome.SOLD_OUT, Outcome.UNKNOWN,
                        Outcome.UNAVAILABLE)));
        return new ResultRow("system", "issue endpoint, sold out", wrkLoad() + ", distinct members", r.throughput(),
                "req/s", r.p50(), r.p99(), r.ok(), Math.max(0, state.counts().redisIssued() - state.counts().quantity()),
                state.duplicateHolders(), verdicts, cost(m.window(), r.requests()),
                wrkNote(r) + "; every answer is 409 COUPON-003 or COUPON-002 (wrk does not tell which)");
    }

    private ResultRow drain() throws Exception {
        int events = s.drainEvents();
        step(String.format(Locale.ROOT, "Worker: %,d events already in Kafka", events));
        sale.fresh(BenchSettings.UNLIMITED_STOCK);
        long worker = run.meter().processes().stream().filter(p -> p.role() == Role.WORKER).findFirst().orElseThrow()
                .pid();
        CpuMeter.Measured<Settled> m = run.meter().measure(() -> {
            long started = System.nanoTime();
            try (HeldProcess held = HeldProcess.hold(worker)) {
                WorkerDrain.publish(s.kafkaBootstrap(), s.issuedTopic(), sale.couponId(), s.couponCode(),
                        BenchMembers.FIRST, events);
            }
            run.line("  published with the worker held still, in " + BenchRun.seconds(System.nanoTime() - started));
            return Settle.of(sale::counts).quietFor(Duration.ZERO).pollEvery(Duration.ofMillis(20))
                    .alsoWaitFor(() -> events - sale.counts().rows()).atMost(DRAIN_TIMEOUT).await();
        });
        SaleState state = sale.state();
        long rows = state.counts().rows();
        long duplicates = state.duplicateHolders();
        // The events never went through the ledger: only what the worker did is judged.
        Verdicts verdicts = new Verdicts(Map.of(
                Invariant.I2, Verdict.of(duplicates == 0, "members with two MySQL rows " + duplicates),
                Invariant.I3, Verdict.of(rows == events, rows + " rows for " + events + " events")));
        return new ResultRow("worker", "worker persistence (drain of a Kafka backlog)",
                String.format(Locale.ROOT, "%,d events published straight to Kafka", events), sale.persistenceRate(),
                "rows/s", 0, 0, rows, -1, -1, verdicts, cost(m.window(), events),
                "the worker held still (SIGSTOP) while the events are published; rows/s from the first row's MySQL"
                        + " timestamp to the last; CPU from the first event published to the last row, per row; the reset"
                        + " that follows removes these rows");
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

    private static Optional<Cost> cost(CpuWindow window, long requests) {
        return requests > 0 ? Optional.of(window.per(requests)) : Optional.empty();
    }

    private String issueUrl() {
        return run.client().services().gateway().resolve("/api/v1/coupons/issue").toString();
    }

    private String constantUrl() {
        return run.client().services().gateway().resolve("/bench/constant").toString();
    }

    private String body(long member) {
        return "{\"couponCode\":\"" + s.couponCode() + "\",\"memberId\":" + member + "}";
    }

    private String wrkLoad() {
        return "wrk " + s.duration().toSeconds() + " s, " + s.connections() + " conns";
    }

    private static String wrkNote(Wrk.Result r) {
        return String.format(Locale.ROOT, "wrk: %,d requests, %,d non-2xx, %d socket errors", r.requests(), r.non2xx(),
                r.socketErrors());
    }

    private ResultRow add(List<ResultRow> rows, ResultRow row) {
        rows.add(row);
        String cost = row.cost().map(c -> String.format(Locale.ROOT, "  gateway %.0f µs/req, machine %.0f µs/req",
                c.micros(Role.GATEWAY), c.machineMicros())).orElse("");
        run.line(String.format(Locale.ROOT, "  %-50s %12s%s %s", row.name(), Target.number(row.throughput()) + " " + row.unit(),
                cost, row.verdicts().noneFailed() ? "" : "invariant FAILED: " + row.verdicts().failed()));
        return row;
    }

    private void step(String what) {
        run.line("== " + java.time.LocalTime.now().withNano(0) + " " + what);
    }
}
