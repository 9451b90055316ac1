package com.flashsale.coupon.cli.bench;

import com.flashsale.coupon.cli.bench.cpu.CpuMeter;
import com.flashsale.coupon.cli.bench.cpu.ProcessFinder;
import com.flashsale.coupon.cli.bench.cpu.Role;
import com.flashsale.coupon.cli.bench.cpu.Watched;
import com.flashsale.coupon.cli.lab.Lab;
import com.flashsale.coupon.cli.lab.LabResult;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.store.StoreProbe;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One bench run: the system's rows, then the lab on the same machine, then the results written and
 * printed. The system is left as it was found, whatever happened.
 */
record Bench(BenchSettings s, SaleClient client, PrintWriter out) {

    /** True when every invariant of the system held (the lab's baselines may fail theirs: that is what they show). */
    boolean run() throws Exception {
        CpuMeter meter = CpuMeter.onThisMachine(processes(List.of(s.processes().gatewayPort())));
        meter.processes().forEach(p -> line("measuring the " + p));
        // The rows with tokens: the gateway that asks for them, and the other one, whose relay moves their
        // issuances to Kafka (bench/run.sh starts the gateway with tokens without a relay of its own), so
        // both kinds of rows carry the same relay work under "gateway".
        Optional<CpuMeter> tokensMeter = s.tokens().map(t -> CpuMeter.onThisMachine(
                processes(List.of(t.port(), s.processes().gatewayPort()))));
        tokensMeter.ifPresent(m -> line("measuring the rows with tokens on the " + m.processes().getFirst()
                + " and the relay of the " + m.processes().get(1)));
        Machine machine = Machine.describe(meter.read().cores());
        Instant started = Instant.now();
        List<ResultRow> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, ResultRow> named;
        try (client; StoreProbe probe = new StoreProbe(s.stores());
                Connection db = DriverManager.getConnection(s.stores().jdbcUrl(), s.stores().mysqlUser(),
                        s.stores().mysqlPassword())) {
            SystemRows system = new SystemRows(new BenchRun(s, client, probe, db, meter, out, notes), tokensMeter);
            try {
                system.prepare();
                named = system.runAll(rows);
                for (LabResult result : Lab.run(s.labServers(), s.labLoads(), this::line)) {
                    ResultRow row = LabRows.of(result);
                    rows.add(row);
                    named.put(LabRows.key(result), row);
                }
            } catch (Exception e) {
                // Leaves the system as it found it all the same; the first failure is the one reported.
                try {
                    system.restore();
                } catch (Exception restoring) {
                    e.addSuppressed(restoring);
                }
                throw e;
            }
            system.restore();
        }
        List<Target> targets = Targets.of(named);
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        BenchReport.RunInfo run = new BenchReport.RunInfo(
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(started.atOffset(ZoneOffset.UTC)), seconds,
                machine, Machine.loadAverage(), s.conditions(),
                "wrk (" + s.wrkThreads() + " threads, " + s.connections() + " connections), redis-benchmark ("
                        + s.connections() + " clients), the sale kit's open and closed loops (" + s.connections()
                        + " connections) in the bench's JVM; all on 127.0.0.1",
                meter.processes().stream().map(Watched::toString).toList());
        BenchReport.write(s.out(), run, rows, targets, Targets.throughputRatios(named), notes);
        out.println();
        out.print(BenchReport.console(run, rows, targets));
        out.println();
        line("Written: " + s.out().resolve("results.md") + ", results.csv, results.png (" + Math.round(seconds) + " s)");
        boolean held = rows.stream().filter(row -> !row.group().equals("lab")).allMatch(row -> row.verdicts().noneFailed());
        if (!held) {
            line("An invariant of the system FAILED: see results.md.");
        }
        return held;
    }

    /** Every part of the system, found before anything runs: a missing one stops the bench at once. */
    private List<Watched> processes(List<Integer> gatewayPorts) {
        ProcessFinder finder = ProcessFinder.onThisMachine();
        BenchSettings.Processes p = s.processes();
        List<Watched> processes = new ArrayList<>();
        // The bench gateways have no pid file: bench/run.sh started them for this run.
        gatewayPorts.forEach(port -> processes.add(finder.find(Role.GATEWAY, null, port)));
        for (int port : p.redisPorts()) {
            String name = p.redisCluster() ? "redis-cluster-" + port : "redis";
            processes.add(finder.find(Role.REDIS, pidFile(p.infraRunDir(), name), port));
        }
        List<Integer> brokers = p.kafkaPorts();
        for (int i = 0; i < brokers.size(); i++) {
            // scripts/infra/start.sh names the brokers of the local cluster by node id, 1..3.
            String name = brokers.size() > 1 ? "kafka-cluster-" + (i + 1) : "kafka";
            processes.add(finder.find(Role.KAFKA, pidFile(p.infraRunDir(), name), brokers.get(i)));
        }
        processes.add(finder.find(Role.WORKER, pidFile(p.servicesRunDir(), "worker"), p.workerPort()));
        processes.add(finder.find(Role.MARIADB, pidFile(p.infraRunDir(), "mariadb"), p.mysqlPort()));
        processes.add(Watched.generator());
        return processes;
    }

    private static Path pidFile(Path dir, String name) {
        return dir == null ? null : dir.resolve(name + ".pid");
    }

    private void line(String text) {
        out.println(text);
        out.flush();
    }
}
