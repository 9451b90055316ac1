package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.api.Reconciliation;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.api.Timeouts;
import com.flashsale.coupon.kit.check.AnswerFacts;
import com.flashsale.coupon.kit.check.Expectations;
import com.flashsale.coupon.kit.check.InvariantChecker;
import com.flashsale.coupon.kit.check.SaleFacts;
import com.flashsale.coupon.kit.check.Verdict;
import com.flashsale.coupon.kit.check.Verdicts;
import com.flashsale.coupon.kit.load.AnswerLog;
import com.flashsale.coupon.kit.load.LoadResult;
import com.flashsale.coupon.kit.load.Loop;
import com.flashsale.coupon.kit.load.RunningLoad;
import com.flashsale.coupon.kit.settle.Settle;
import com.flashsale.coupon.kit.settle.Settled;
import com.flashsale.coupon.kit.store.LedgerCounts;
import com.flashsale.coupon.kit.store.SaleState;
import com.flashsale.coupon.kit.store.StoreCounts;
import com.flashsale.coupon.kit.store.StoreProbe;
import com.flashsale.coupon.system.SaleEnvironment;
import com.flashsale.coupon.system.SaleSystem;
import com.flashsale.coupon.system.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * One drill, start to end: a fresh system, a sale at a fixed rate from many concurrent clients (the
 * kit's open loop), one fault injected mid-sale, the system left to settle, reconciliation, then the
 * kit's invariant checks and the line reported. Faults get this object to reach the processes, the
 * servers and the stores.
 */
final class ChaosRun implements AutoCloseable {

    static final String COUPON = "FLASH100";
    static final long COUPON_ID = 2;
    /** Another seeded coupon, for traffic that must not touch the sale's ledger. */
    private static final String WARM_UP_COUPON = "WELCOME10";
    /** The drill's members get ids above the seed's, so they are the only ones asking. */
    static final long FIRST_MEMBER = 100_001;
    /**
     * A refused connection is known within a second; an answer 10 s late is unknown, so a request
     * hanging on a dying gateway cannot hold its client for long. The gateway's own deadlines (1 s for
     * Redis, 0.5 s for a replica's confirmation) answer far sooner: only a machine starved of CPU by
     * other work comes near it, and that is not what a drill judges.
     */
    private static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofSeconds(120));
    /**
     * Reconciliation persists a Redis-only acceptance once it is this old. Short, so the drill's
     * reconciliation right after settling covers every acceptance of the sale.
     */
    private static final String GRACE_PERIOD = "5s";
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(4);

    private final String scenario;
    private final Fault fault;
    private final ChaosScale scale = ChaosScale.current();
    private final SaleSystem system;
    private final InfraServers servers = new InfraServers();
    private final SaleClient client;
    private final StoreProbe probe;
    private final StoreWrites writes;
    private final DrillTopics topics;
    private final List<Long> members;
    private final MemberOrder order;
    private final SaleEnd end;
    private final List<Long> returns = new CopyOnWriteArrayList<>();
    private final List<Reconciliation> reconciliations = new CopyOnWriteArrayList<>();
    private RunningLoad load;

    private ChaosRun(String scenario, Fault fault) {
        this.scenario = scenario;
        this.fault = fault;
        this.system = startSystem(fault);
        this.client = system.client(TIMEOUTS);
        this.probe = system.environment().probe();
        this.writes = new StoreWrites(system.environment(), COUPON, COUPON_ID);
        this.topics = new DrillTopics(system.environment().kafkaBootstrapServers(), system.environment().topics(),
                system.environment().suffix());
        this.members = LongStream.range(FIRST_MEMBER, FIRST_MEMBER + scale.members()).boxed().toList();
        this.order = new MemberOrder(members, scenario.hashCode());
        this.end = new SaleEnd(scale, order);
    }

    /** A fresh environment on the fault's servers, one worker and the fault's gateway replicas (a, b, ...). */
    private static SaleSystem startSystem(Fault fault) {
        SaleEnvironment environment = new SaleEnvironment(fault.topology());
        ServiceProcess worker = environment.worker().withProperty("coupon.reconciliation.grace-period", GRACE_PERIOD);
        List<ServiceProcess> gateways = IntStream.range(0, fault.gateways())
                .mapToObj(i -> environment.gateway("gateway-" + (char) ('a' + i), true)).toList();
        return SaleSystem.start(environment, worker, gateways);
    }

    /** Runs the drill, reports it, and fails the test on any invariant violated or a fault that did not land. */
    static ScenarioResult drill(String scenario, Fault fault) throws Exception {
        try (ChaosRun run = new ChaosRun(scenario, fault)) {
            ScenarioResult result = run.execute();
            assertThat(result.verdicts().byInvariant()).as("invariants after '%s'", scenario)
                    .allSatisfy((invariant, verdict) -> assertThat(verdict.status())
                            .as("%s (%s): %s", invariant, invariant.meaning(), verdict.evidence())
                            .isEqualTo(Verdict.Status.PASS));
            fault.verify(run);
            return result;
        }
    }

    private ScenarioResult execute() throws Exception {
        prepareSale();
        fault.prepare(this);
        load = Loop.open(client, COUPON, scale.rate()).clients(scale.clients()).members(order::memberAt)
                .onlyIf(order::asks).stopWhen(end).onAnswer(end::answered).start();
        try {
            awaitSold(fault.trigger());
            fault.inject(this);
            end.faultOver();
        } catch (Exception | AssertionError e) {
            load.stop();
            throw e;
        }
        LoadResult sale = load.awaitEnd(scale.saleLimit().plusSeconds(60));
        Settled settled = settle();
        reconcileNow();
        SaleState state = probe.state(COUPON);
        Expectations expectations = Expectations.none().eligible(Set.copyOf(members))
                .expectedFailures(fault.expectedFailures()).returns(List.copyOf(returns));
        Verdicts verdicts = new InvariantChecker().check(new SaleFacts(state, AnswerFacts.of(sale.log().all()),
                expectations));
        int repairs = reconciliations.stream().mapToInt(Reconciliation::repairs).sum();
        ScenarioResult result = new ScenarioResult(scenario, scale.quantity(), sale.log().counts(),
                state.counts().rows(), state.failures().size(), workerMetric("coupon_compensations_total", ""), repairs,
                verdicts, sale.elapsed(), settled.waited(), fault.note(this));
        ChaosReport.publish(result);
        return result;
    }

    /**
     * The drill's members in MySQL, then the worker's reset provisions them into Redis, then the
     * quantity is set (after the reset: the worker never sets one below what was issued, and a drill
     * may have sold more than this one's quantity). Then one coupon of another campaign goes all the
     * way to MySQL: the sale starts on a running system (relay producer connected, consumers
     * assigned), so a fault meant to land during persistence does not land before persistence has
     * even started.
     */
    private void prepareSale() throws Exception {
        writes.insertActiveMembers(members);
        // Each member's token signed now: the open loop must not wait for signatures mid-sale.
        client.prepare(members);
        client.reset();
        client.initStock(COUPON, scale.quantity());
        assertThat(ledger().stock()).as("stock after the reset").isEqualTo(scale.quantity());
        for (int gateway = 0; gateway < system.gateways().size(); gateway++) {
            Answer warmUp = client.issue(gateway, WARM_UP_COUPON, FIRST_MEMBER + gateway);
            assertThat(warmUp.outcome()).as("warm-up issuance through gateway %d: %s", gateway, warmUp)
                    .isEqualTo(Outcome.ISSUED);
        }
        await("the warm-up issuances persisted").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> probe.counts(WARM_UP_COUPON).rows() == system.gateways().size());
    }

    /** Blocks until {@code fraction} of the stock is sold: faults land mid-sale, never before or after. */
    private void awaitSold(double fraction) {
        long target = Math.round(scale.quantity() * (1 - fraction));
        await("%.0f%% of the stock sold".formatted(fraction * 100)).atMost(scale.saleLimit())
                .pollInterval(Duration.ofMillis(20))
                .until(() -> ledger().stock() <= target);
    }

    /**
     * The kit's one definition of settled: the outbox empty, every consumer group of the drill caught
     * up (dead letters included), MySQL and Redis unchanged for a while. A server coming back from a
     * fault may refuse a read or two: that counts as a change, not as a failure.
     */
    private Settled settle() {
        Settled settled = Settle.of(() -> probe.counts(COUPON)).alsoWaitFor(topics::unprocessed).quietFor(QUIET)
                .atMost(SETTLE_LIMIT).pollEvery(Duration.ofMillis(500))
                .reporting(Duration.ofSeconds(15), progress -> System.out.println("[chaos]   settling " + progress.line()))
                .await();
        assertThat(settled.settled()).as("the system settled after '%s' (outbox empty, consumers caught up, stores"
                + " quiet): %s", scenario, settled).isTrue();
        return settled;
    }

    /** A request sent by the fault itself (not by the sale's clients); recorded like any other. */
    Answer issue(int gateway, long memberId) {
        Answer answer = client.issue(gateway, COUPON, memberId);
        load.record(answer);
        return answer;
    }

    /** A coupon was seen back in stock at this moment (nano time); I4 allows it to stay unsold if nobody asked after. */
    void returnObserved(long at) {
        returns.add(at);
    }

    /**
     * One reconciliation run, synchronously. Asked again while the worker cannot answer yet (it may
     * just have been restarted) or another run holds the lock.
     */
    Reconciliation reconcileNow() {
        AtomicReference<Reconciliation> run = new AtomicReference<>();
        await("a reconciliation run").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> {
                    Optional<Reconciliation> done = client.reconcile();
                    done.ifPresent(run::set);
                    return done.isPresent();
                });
        reconciliations.add(run.get());
        return run.get();
    }

    List<Reconciliation> reconciliations() {
        return new ArrayList<>(reconciliations);
    }

    /**
     * Sum of the worker's samples of a metric whose labels contain {@code labels}, read on its management
     * port; NaN when it has none.
     */
    double workerMetric(String name, String labels) {
        return client.metric(LocalTarget.port(system.worker().managementPort()), name, labels).orElse(Double.NaN);
    }

    ChaosScale scale() {
        return scale;
    }

    SaleSystem system() {
        return system;
    }

    InfraServers servers() {
        return servers;
    }

    StoreProbe probe() {
        return probe;
    }

    /** The sale's coupon in both stores (MySQL must answer). */
    StoreCounts counts() {
        return probe.counts(COUPON);
    }

    /** The sale's coupon in the Redis ledger alone: readable while MySQL is down or locked. */
    LedgerCounts ledger() {
        return probe.ledger(COUPON);
    }

    DrillTopics topics() {
        return topics;
    }

    StoreWrites writes() {
        return writes;
    }

    /** Every answer of the sale so far. */
    AnswerLog log() {
        return load.log();
    }

    RunningLoad load() {
        return load;
    }

    MemberOrder order() {
        return order;
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** Servers first: services stop quickly once what they talk to is back. */
    @Override
    public void close() {
        if (load != null) {
            load.stop();
        }
        try {
            servers.close();
        } finally {
            try {
                system.close();
            } finally {
                client.close();
                topics.close();
            }
        }
    }
}
