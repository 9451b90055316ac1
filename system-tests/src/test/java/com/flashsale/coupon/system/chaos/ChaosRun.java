package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.system.chaos.WorkerAdmin.Reconciliation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

/**
 * One drill, start to end: a fresh system, a sale with many concurrent clients, one fault injected
 * mid-sale, the system left to settle, reconciliation, then invariants I1-I5 checked and the line
 * reported. Faults get this object to reach the processes, the servers and the stores.
 */
final class ChaosRun implements AutoCloseable {

    /** The drill's members get ids above the seed's, so they are the only ones asking. */
    static final long FIRST_MEMBER = 100_001;
    private static final long WARM_UP_COUPON_ID = 1;

    private final String scenario;
    private final Fault fault;
    private final ChaosScale scale = ChaosScale.current();
    private final SaleSystem system;
    private final InfraServers servers = new InfraServers();
    private final LedgerView ledger;
    private final MySqlView mysql;
    private final WorkerAdmin admin;
    private final DrillTopics topics;
    private final IssueClient client = new IssueClient();
    private final AnswerLog log = new AnswerLog();
    private final List<Long> members;
    private final MemberOrder order;
    private final SaleDriver driver;
    private final List<Long> returns = new CopyOnWriteArrayList<>();
    private final List<Reconciliation> reconciliations = new CopyOnWriteArrayList<>();

    private ChaosRun(String scenario, Fault fault) {
        this.scenario = scenario;
        this.fault = fault;
        this.system = SaleSystem.start(fault.gateways(), fault.topology());
        this.ledger = new LedgerView(system.environment().redis(), IssueClient.COUPON);
        this.mysql = new MySqlView(system.environment());
        this.admin = new WorkerAdmin(system.worker());
        this.topics = new DrillTopics(system.environment().kafkaBootstrapServers(),
                List.of(system.environment().issuedTopic(), system.environment().deadLetterTopic()),
                system.environment().suffix());
        this.members = LongStream.range(FIRST_MEMBER, FIRST_MEMBER + scale.members()).boxed().toList();
        this.order = new MemberOrder(members, scenario.hashCode());
        this.driver = new SaleDriver(client, new GatewayPool(system.gateways()), order, log, scale);
    }

    /** Runs the drill, reports it, and fails the test on any invariant violated or a fault that did not land. */
    static ScenarioResult drill(String scenario, Fault fault) throws Exception {
        try (ChaosRun run = new ChaosRun(scenario, fault)) {
            ScenarioResult result = run.execute();
            assertThat(result.verdicts()).as("invariants after '%s'", scenario)
                    .allSatisfy((invariant, verdict) -> assertThat(verdict.status())
                            .as("%s (%s): %s", invariant, invariant.meaning(), verdict.detail())
                            .isEqualTo(Verdict.Status.PASS));
            fault.verify(run);
            return result;
        }
    }

    private ScenarioResult execute() throws Exception {
        prepareSale();
        fault.prepare(this);
        driver.start();
        try {
            ledger.awaitSold(fault.trigger(), scale.quantity(), scale.saleLimit());
            fault.inject(this);
            driver.faultOver();
        } catch (Exception | AssertionError e) {
            driver.stop();
            throw e;
        }
        Duration sale = driver.awaitEnd();
        Duration settle = new Settler(ledger, mysql, topics).settle();
        reconcileNow();
        SaleFacts facts = facts();
        Map<Invariant, Verdict> verdicts = new InvariantChecker().check(facts);
        int repairs = reconciliations.stream().mapToInt(Reconciliation::repairs).sum();
        ScenarioResult result = new ScenarioResult(scenario, scale.quantity(), log.counts(), facts.holders().size(),
                facts.failures().size(), admin.metric("coupon_compensations_total"), repairs, verdicts, sale, settle,
                fault.note(this));
        ChaosReport.publish(result);
        return result;
    }

    /**
     * The drill's members in MySQL, the quantity set, then the worker's reset provisions both into
     * Redis. Then one coupon of another campaign goes all the way to MySQL: the sale starts on a
     * running system (relay producer connected, consumers assigned), so a fault meant to land during
     * persistence does not land before persistence has even started.
     */
    private void prepareSale() throws Exception {
        mysql.insertActiveMembers(members);
        admin.setQuantity(IssueClient.COUPON, scale.quantity());
        system.environment().reset(system.worker());
        assertThat(ledger.stock()).as("stock after the reset").isEqualTo(scale.quantity());
        for (int gateway = 0; gateway < system.gateways().size(); gateway++) {
            Attempt warmUp = client.issue(gateway, system.gateways().get(gateway).port(), IssueClient.WARM_UP_COUPON,
                    FIRST_MEMBER + gateway);
            assertThat(warmUp.outcome()).as("warm-up issuance through gateway %d", gateway).isEqualTo(Outcome.ISSUED);
        }
        await("the warm-up issuances persisted").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> mysql.rows(WARM_UP_COUPON_ID) == system.gateways().size());
    }

    private SaleFacts facts() throws Exception {
        return new SaleFacts(scale.quantity(), Set.copyOf(members), fault.expectedFailures(), log.all(),
                List.copyOf(returns), ledger.stock(), ledger.issued(), ledger.backlog(), mysql.holders(),
                mysql.failures(), mysql.duplicateHolders());
    }

    /** A request sent by the fault itself (not by the sale's clients); recorded like any other. */
    Attempt issue(int gateway, long memberId) {
        Attempt attempt = client.issue(gateway, system.gateways().get(gateway).port(), memberId);
        driver.record(attempt);
        return attempt;
    }

    /** A coupon was seen back in stock at this moment (nano time); I4 allows it to stay unsold if nobody asked after. */
    void returnObserved(long at) {
        returns.add(at);
    }

    Reconciliation reconcileNow() {
        Reconciliation reconciliation = admin.reconcile();
        reconciliations.add(reconciliation);
        return reconciliation;
    }

    List<Reconciliation> reconciliations() {
        return new ArrayList<>(reconciliations);
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

    LedgerView ledger() {
        return ledger;
    }

    MySqlView mysql() {
        return mysql;
    }

    WorkerAdmin admin() {
        return admin;
    }

    AnswerLog log() {
        return log;
    }

    MemberOrder order() {
        return order;
    }

    SaleDriver driver() {
        return driver;
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** Servers first: services stop quickly once what they talk to is back. */
    @Override
    public void close() {
        driver.stop();
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
