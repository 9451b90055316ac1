package com.flashsale.coupon.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.flashsale.coupon.lab.baseline.Baseline;
import com.flashsale.coupon.lab.baseline.LabLoad;
import com.flashsale.coupon.lab.baseline.LabResult;
import com.flashsale.coupon.lab.baseline.PessimisticLock;
import com.flashsale.coupon.lab.load.Latencies;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void comparesTheIssueEndpointWithThePessimisticLockOnTheLoadWhereEveryAttemptIssues() {
        Map<String, ResultRow> rows = new HashMap<>();
        rows.put(Targets.CONTENDED, systemRow("issue endpoint, stock left", 12_000));
        // 10,000 attempts in 8 s against 40,000 in 16 s: the double-click load is faster, being mostly refusals.
        addLab(rows, pessimistic(LabLoad.stockLeft(64, 10_000, LIMIT), 8.0, 10_000));
        addLab(rows, pessimistic(LabLoad.doubleClicks(64, 20_000, 10_000, LIMIT), 16.0, 10_000));

        Target target = only(Targets.of(rows), "pessimistic");

        assertThat(target.measured()).isCloseTo(12_000 / 1_250.0, within(1e-9));
        assertThat(target.met()).isFalse();
    }

    @Test
    void leavesThePessimisticTargetOutWhenTheLabDidNotRunItsStockLeftLoad() {
        Map<String, ResultRow> rows = new HashMap<>();
        rows.put(Targets.CONTENDED, systemRow("issue endpoint, stock left", 12_000));
        addLab(rows, pessimistic(LabLoad.doubleClicks(64, 20_000, 10_000, LIMIT), 16.0, 10_000));

        assertThat(Targets.of(rows)).noneMatch(t -> t.what().contains("pessimistic"));
    }

    @Test
    void judgesEachTargetAgainstItsGoal() {
        Map<String, ResultRow> rows = new HashMap<>();
        rows.put(Targets.CONTENDED, systemRow("issue endpoint, stock left", 12_000));
        rows.put(Targets.FLOOR, systemRow("constant", 15_000));
        rows.put(Targets.CEILING, systemRow("redis-benchmark", 50_000));

        List<Target> targets = Targets.of(rows);

        assertThat(only(targets, "constant-JSON").met()).isTrue();
        assertThat(only(targets, "constant-JSON").measured()).isCloseTo(0.8, within(1e-9));
        assertThat(only(targets, "redis-benchmark").met()).isFalse();
    }

    private static Target only(List<Target> targets, String what) {
        List<Target> matching = targets.stream().filter(t -> t.what().contains(what)).toList();
        assertThat(matching).hasSize(1);
        return matching.getFirst();
    }

    private static ResultRow systemRow(String name, double throughput) {
        return new ResultRow("system", name, "wrk", throughput, "req/s", 1, 2, -1, -1, -1, Invariants.NOT_APPLICABLE,
                "");
    }

    private static LabResult pessimistic(LabLoad load, double seconds, long issued) {
        return new LabResult(PessimisticLock.NAME, load, load.attempts(), seconds,
                new Latencies.Summary(load.attempts(), 10, 40, 50, 60), issued, issued, 0, 0, 0,
                new Baseline.StoreState(issued, issued, load.stock() - issued));
    }

    private static void addLab(Map<String, ResultRow> rows, LabResult result) {
        rows.put(LabRows.key(result), LabRows.of(result));
    }
}
