package com.flashsale.coupon.cli.lab;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.check.AnswerFacts;
import com.flashsale.coupon.kit.check.Expectations;
import com.flashsale.coupon.kit.check.InvariantChecker;
import com.flashsale.coupon.kit.check.SaleFacts;
import com.flashsale.coupon.kit.check.Verdicts;
import com.flashsale.coupon.kit.load.LoadResult;
import com.flashsale.coupon.kit.load.Loop;
import com.flashsale.coupon.kit.store.SaleState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs every baseline on each lab load, one after the other, through the kit's load engine (a
 * closed loop: every client takes the next attempt as soon as it has an answer), and judges each
 * with the kit's invariant checker. Two loads: "stock left" (every attempt a new member, so every
 * attempt issues: the issue endpoint's contended row has the same mix) and "double clicks" (every
 * member asks twice at once, past sell-out: where the racy baselines show their race).
 */
public final class Lab {

    /** What a baseline may answer; giving up (503) is allowed, it issues nothing. */
    static final Expectations ANSWERS = Expectations.none().only(Outcome.ISSUED, Outcome.DUPLICATE, Outcome.SOLD_OUT,
            Outcome.UNAVAILABLE);

    private Lab() {
    }

    /**
     * The bench's lab: the named loads sized by one number, the coupons. Stock left: that many members
     * ask once (20 s at most per baseline); double clicks: twice as many members ask twice (30 s).
     *
     * @throws IllegalArgumentException naming a load it does not know
     */
    public static List<LabLoad> loads(List<String> names, int clients, int coupons) {
        return LabOptions.loads(names, clients, coupons, Duration.ofSeconds(20), 2 * coupons, coupons,
                Duration.ofSeconds(30));
    }

    /** Every baseline on every load; one line per result goes to {@code out} as it finishes. */
    public static List<LabResult> run(LabServers servers, List<LabLoad> loads, Consumer<String> out) throws Exception {
        List<LabResult> results = new ArrayList<>();
        for (LabLoad load : loads) {
            out.accept("Lab load " + load);
            for (Factory factory : baselines()) {
                try (Baseline baseline = factory.create(servers)) {
                    LabResult result = run(baseline, load);
                    out.accept(line(result));
                    results.add(result);
                }
            }
        }
        return results;
    }

    /** One baseline on one load: reset, the load, then the verdicts on its answers and its store. */
    public static LabResult run(Baseline baseline, LabLoad load) throws Exception {
        baseline.reset(load.stock());
        LoadResult run = Loop.closed(() -> new BaselineAsker(baseline), Baseline.COUPON).clients(load.clients())
                .members(load.requests()).duration(load.timeLimit()).run();
        SaleState state = baseline.state(load.stock());
        Verdicts verdicts = new InvariantChecker().check(new SaleFacts(state, AnswerFacts.of(run.log().all()), ANSWERS));
        return new LabResult(baseline.name(), load, run, state, verdicts);
    }

    /** In the seed's order. Each is created when its turn comes, so only one holds connections at a time. */
    private static List<Factory> baselines() {
        return List.of(OptimisticLock::new, PessimisticLock::new, RedissonLock::new, DecrThenSismember::new,
                LuaWithKafka::new);
    }

    private interface Factory {
        Baseline create(LabServers servers) throws Exception;
    }

    static String line(LabResult r) {
        return String.format(Locale.ROOT,
                "  %-52s %8.0f req/s  p50 %7.2f ms  p99 %8.2f ms  finished %d/%d  issued %d to %d members"
                        + "  refused: %d duplicates, %d sold out, %d gave up  %s",
                r.name(), r.throughput(), r.latency().p50(), r.latency().p99(), r.finished(), r.attempts(), r.issued(),
                r.holders(), r.duplicateRefusals(), r.soldOut(), r.failed(), verdictsLine(r.verdicts()));
    }

    static String verdictsLine(Verdicts verdicts) {
        StringBuilder line = new StringBuilder();
        verdicts.byInvariant().forEach((invariant, verdict) -> line.append(line.isEmpty() ? "" : " ").append(invariant)
                .append(' ').append(verdict.label()));
        return line.toString();
    }
}
