package com.flashsale.coupon.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.flashsale.coupon.cli.bench.cpu.Cost;
import com.flashsale.coupon.cli.bench.cpu.CpuWindow;
import com.flashsale.coupon.cli.bench.cpu.Role;
import com.flashsale.coupon.cli.lab.LabLoad;
import com.flashsale.coupon.cli.lab.PessimisticLock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void judgesTheCostOfAnIssuedCouponAndASoldOutAnswerAgainstTheConstantAnswer() {
        Map<String, ResultRow> rows = constantAndIssueCosted();
        rows.put(Targets.SOLD_OUT, costed("issue, sold out", cost(100_000, 6.0, 7.5, 10.5, 0.5)));

        List<Target> targets = Targets.of(rows);

        Target gateway = only(targets, "gateway CPU per issued coupon");
        assertThat(gateway.measured()).isCloseTo(7.0 / 5.5, within(1e-9));
        assertThat(gateway.met()).isTrue();
        Target machine = only(targets, "whole machine CPU per issued coupon");
        assertThat(machine.measured()).isCloseTo(1.7, within(1e-9));
        assertThat(machine.status()).isEqualTo(Target.Status.NOT_MET);
        Target soldOut = only(targets, "whole machine CPU per sold-out answer");
        assertThat(soldOut.measured()).isCloseTo(1.05, within(1e-9));
        assertThat(soldOut.met()).isTrue();
        assertThat(targets).filteredOn(t -> t.what().contains("processes and the generator only"))
                .extracting(Target::measured).containsExactly(12.0 / 7.0, 7.5 / 7.0);
    }

    @Test
    void reportsTheGatewayCpuTokensAddToAnIssueAndAConstantAnswer() {
        Map<String, ResultRow> rows = constantAndIssueCosted();
        rows.put(Targets.FLOOR_TOKENS, costed("constant, tokens", cost(100_000, 12.5, 14.0, 17.0, 0.5)));
        rows.put(Targets.CONTENDED_TOKENS, row("system", "issue, stock left, tokens", 8_000, "req/s")
                .costing(cost(100_000, 14.5, 19.5, 24.0, 0.5)));

        Target added = only(Targets.of(rows), "added by tokens");

        assertThat(added.measured()).as("µs of gateway per issue request").isCloseTo(75.0, within(1e-9));
        assertThat(added.status()).isEqualTo(Target.Status.NOT_JUDGED);
        assertThat(added.remark()).contains("constant endpoint: +70 µs");
        assertThat(onlyRatio(Targets.throughputRatios(rows), "with tokens / without").measured())
                .isCloseTo(0.8, within(1e-9));
        rows.remove(Targets.CONTENDED_TOKENS);
        assertThat(Targets.of(rows)).noneMatch(t -> t.what().contains("tokens"));
    }

    @Test
    void judgesWhatATokenAlreadyVerifiedAddsToAConstantAnswer() {
        Map<String, ResultRow> cheap = constantAndIssueCosted();
        cheap.put(Targets.FLOOR_KNOWN_TOKENS, costed("constant, known tokens", cost(100_000, 6.3, 7.8, 10.0, 0.5)));
        Map<String, ResultRow> dear = constantAndIssueCosted();
        dear.put(Targets.FLOOR_KNOWN_TOKENS, costed("constant, known tokens", cost(100_000, 6.7, 8.2, 10.0, 0.5)));

        Target met = only(Targets.of(cheap), "added by a token already verified");
        Target notMet = only(Targets.of(dear), "added by a token already verified");

        assertThat(met.measured()).as("µs of gateway per constant answer").isCloseTo(8.0, within(1e-9));
        assertThat(met.status()).isEqualTo(Target.Status.MET);
        assertThat(notMet.measured()).isCloseTo(12.0, within(1e-9));
        assertThat(notMet.status()).isEqualTo(Target.Status.NOT_MET);
        assertThat(Targets.of(constantAndIssueCosted())).noneMatch(t -> t.what().contains("already verified"));
    }

    @Test
    void judgesP99OnlyWhereTheMachineWasAtMostSixtyPercentBusy() {
        Map<String, ResultRow> calm = Map.of(Targets.FIXED_RATE, fixedRate(8.0, 0.55));
        Map<String, ResultRow> busy = Map.of(Targets.FIXED_RATE, fixedRate(8.0, 0.95));
        Map<String, ResultRow> slow = Map.of(Targets.FIXED_RATE, fixedRate(14.0, 0.5));

        assertThat(Targets.of(calm).getFirst().status()).isEqualTo(Target.Status.MET);
        assertThat(Targets.of(busy).getFirst().status()).isEqualTo(Target.Status.NOT_JUDGED);
        assertThat(Targets.of(busy).getFirst().remark()).contains("machine 95 % busy", "busier than the target allows");
        assertThat(Targets.of(slow).getFirst().status()).isEqualTo(Target.Status.NOT_MET);
    }

    @Test
    void judgesTheWorkerAndTheSettleTime() {
        Map<String, ResultRow> rows = new HashMap<>();
        rows.put(Targets.DRAIN, row("worker", "drain", 42_283, "rows/s"));
        rows.put(Targets.SETTLE, row("worker", "settle", 0.27, "s"));

        List<Target> targets = Targets.of(rows);

        assertThat(only(targets, "worker persistence").met()).isFalse();
        assertThat(only(targets, "settle time").met()).isTrue();
    }

    @Test
    void comparesTheIssueEndpointWithThePessimisticLockOnTheLoadWhereEveryAttemptIssues() {
        Map<String, ResultRow> rows = new HashMap<>();
        rows.put(Targets.CONTENDED, row("system", "issue endpoint, stock left", 12_000, "req/s"));
        // 10,000 attempts in 8 s against 40,000 in 16 s: the double-click load is faster, being mostly refusals.
        rows.put(LabRows.key(LabLoad.STOCK_LEFT, PessimisticLock.NAME), row("lab", "stock left", 1_250, "req/s"));
        rows.put(LabRows.key(LabLoad.DOUBLE_CLICKS, PessimisticLock.NAME), row("lab", "double clicks", 2_500, "req/s"));

        Targets.Ratio ratio = onlyRatio(Targets.throughputRatios(rows), "pessimistic");

        assertThat(ratio.measured()).isCloseTo(12_000 / 1_250.0, within(1e-9));
    }

    @Test
    void leavesThePessimisticRatioOutWhenTheLabDidNotRunItsStockLeftLoad() {
        Map<String, ResultRow> rows = new HashMap<>();
        rows.put(Targets.CONTENDED, row("system", "issue endpoint, stock left", 12_000, "req/s"));
        rows.put(LabRows.key(LabLoad.DOUBLE_CLICKS, PessimisticLock.NAME), row("lab", "double clicks", 2_500, "req/s"));

        assertThat(Targets.throughputRatios(rows)).noneMatch(t -> t.what().contains("pessimistic"));
    }

    @Test
    void comparesThroughputWithTheConstantEndpointAndRedisAlone() {
        Map<String, ResultRow> rows = new HashMap<>();
        rows.put(Targets.CONTENDED, row("system", "issue endpoint, stock left", 12_000, "req/s"));
        rows.put(Targets.FLOOR, row("floor", "constant", 15_000, "req/s"));
        rows.put(Targets.CEILING, row("ceiling", "redis-benchmark", 50_000, "req/s"));

        List<Targets.Ratio> ratios = Targets.throughputRatios(rows);

        assertThat(onlyRatio(ratios, "constant-JSON").measured()).isCloseTo(0.8, within(1e-9));
        assertThat(onlyRatio(ratios, "redis-benchmark").measured()).isCloseTo(0.24, within(1e-9));
        assertThat(Targets.of(rows)).as("no cost measured: no cost target").isEmpty();
    }

    private static Target only(List<Target> targets, String what) {
        List<Target> matching = targets.stream().filter(t -> t.what().contains(what)).toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }

    private static Targets.Ratio onlyRatio(List<Targets.Ratio> ratios, String what) {
        List<Targets.Ratio> matching = ratios.stream().filter(t -> t.what().contains(what)).toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }

    /** CPU seconds over the window: the gateway's, all processes' (the rest put on Redis), the machine's busy time. */
    static Cost cost(long requests, double gateway, double processes, double machine, double busyShare) {
        Map<Role, Double> seconds = new EnumMap<>(Role.class);
        seconds.put(Role.GATEWAY, gateway);
        seconds.put(Role.REDIS, processes - gateway);
        return new CpuWindow(Duration.ofSeconds(8), seconds, machine, machine / busyShare, 2).per(requests);
    }

    /**
     * 100,000 requests each: the constant answer 55 µs of gateway, 70 µs of the processes, 100 µs of the machine;
     * the issue with stock left 70, 120 and 170.
     */
    private static Map<String, ResultRow> constantAndIssueCosted() {
        Map<String, ResultRow> rows = new HashMap<>();
        rows.put(Targets.FLOOR, costed("constant", cost(100_000, 5.5, 7.0, 10.0, 0.5)));
        rows.put(Targets.CONTENDED, costed("issue, stock left", cost(100_000, 7.0, 12.0, 17.0, 0.5)));
        return rows;
    }

    private static ResultRow costed(String name, Cost cost) {
        return row("system", name, 10_000, "req/s").costing(cost);
    }

    private static ResultRow fixedRate(double p99, double busyShare) {
        return new ResultRow("system", "fixed rate", "4,000 req/s", 4_000, "req/s", 1, p99, -1, -1, -1, ResultRow.NONE,
                Optional.of(cost(32_000, 3, 4, 16 * busyShare, busyShare)), "");
    }

    private static ResultRow row(String group, String name, double throughput, String unit) {
        return new ResultRow(group, name, "load", throughput, unit, 1, 2, -1, -1, -1, ResultRow.NONE, Optional.empty(), "");
    }
}
