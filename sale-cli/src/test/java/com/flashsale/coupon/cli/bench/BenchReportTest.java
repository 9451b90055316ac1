package com.flashsale.coupon.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.cli.bench.cpu.Cost;
import com.flashsale.coupon.cli.bench.cpu.CpuWindow;
import com.flashsale.coupon.cli.bench.cpu.Role;
import com.flashsale.coupon.kit.check.Invariant;
import com.flashsale.coupon.kit.check.Verdict;
import com.flashsale.coupon.kit.check.Verdicts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    private static final BenchReport.RunInfo RUN = new BenchReport.RunInfo("2026-11-30 15:00 UTC", 300,
            new Machine("AMD EPYC", 2, "24 GiB", "Debian", "OpenJDK 25", "20.1 19.0 18.2"), "21.0 19.5 18.4",
            "nothing else", "wrk", List.of("gateway (pid 1, listening on port 8090)"));

    /** 100,000 requests: the constant answer 55 µs of gateway CPU, the issue 100; the machine 200 and 300. */
    private static final List<ResultRow> ROWS = List.of(
            new ResultRow("ceiling", "redis-benchmark", "calls", 50_000, "req/s", 1, 2, -1, -1, -1, ResultRow.NONE,
                    Optional.empty(), ""),
            new ResultRow("floor", "constant", "wrk", 20_000, "req/s", 1, 2, -1, -1, -1, ResultRow.NONE,
                    Optional.of(cost(5.5, 20.0)), ""),
            new ResultRow("system", "issue", "wrk", 12_000, "req/s", 1, 2, 100_000, 0, 0,
                    new Verdicts(Map.of(Invariant.I1, Verdict.pass("fine"), Invariant.I3, Verdict.fail("3 lost"))),
                    Optional.of(cost(10.0, 30.0)), "a note"));

    @Test
    void theMarkdownHasTheCostOfEveryMeasuredRowWithTheCoresAndTheRatiosToTheConstantAnswer() {
        String md = BenchReport.markdown(RUN, "../docs/benchmarks.md", ROWS, List.of(), List.of(), List.of());

        assertThat(md).contains("**2 cores**", "load average** before the run: 20.1 19.0 18.2, after: 21.0 19.5 18.4",
                "[docs/benchmarks.md](../docs/benchmarks.md)", "gateway (pid 1, listening on port 8090)");
        assertThat(md).contains("| 2 | constant | 100,000 | 55 | 5.0 |", "| 3 | issue | 100,000 | 100 | 5.0 |");
        assertThat(md).contains("| 1.82x | 1.75x | 1.50x |").contains("| 100 % |");
        assertThat(md).contains("| pass |  | **FAIL** |").contains("I3 (no phantom success) FAILED: 3 lost");
        assertThat(md).doesNotContain("tried.md");
    }

    @Test
    void theCsvCarriesTheCostAndTheCoresOnEveryRow() {
        List<String> csv = BenchReport.csv(RUN, ROWS);

        assertThat(csv.getFirst()).contains("i1,i2,i3,i4,i5,answers,cpu_requests,cpu_us_gateway,cpu_us_redis",
                "cpu_us_generator,cpu_us_processes,cpu_us_machine,machine_busy,cores,note");
        assertThat(csv.get(1)).contains(",,,,,,,,,,,,2,");
        assertThat(csv.get(3)).contains("pass,,FAIL,", ",100000,100.00,5.00,", ",105.00,300.00,1.000,2,");
    }

    @Test
    void theConsoleShowsTheCostTableWithTheCores() {
        String console = BenchReport.console(RUN, ROWS, List.of());

        assertThat(console).contains("CPU µs per request (2 cores; load average 20.1 19.0 18.2 before").contains("1.82x");
    }

    /** Over 8 s on 2 cores, 100,000 requests; the rest of the processes' time on Redis, 0.5 s. */
    private static Cost cost(double gatewaySeconds, double machineSeconds) {
        return new CpuWindow(Duration.ofSeconds(8), Map.of(Role.GATEWAY, gatewaySeconds, Role.REDIS, 0.5),
                machineSeconds, machineSeconds, 2).per(100_000);
    }

    @Test
    void resultsLinkTheBenchmarksDocumentFromWhereverTheyAreWritten(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("docs"));
        Files.writeString(project.resolve("docs/benchmarks.md"), "# Benchmarks");

        assertThat(BenchReport.pathToDocs(project.resolve("bench-results"))).isEqualTo("../docs/benchmarks.md");
        assertThat(BenchReport.pathToDocs(project.resolve("bench-results/cluster-ack-none")))
                .isEqualTo("../../docs/benchmarks.md");
    }
}
