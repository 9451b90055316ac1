package com.flashsale.coupon.cli.lab;

import com.flashsale.coupon.cli.ServerOptions;
import com.flashsale.coupon.kit.check.Invariant;
import com.flashsale.coupon.kit.check.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code make bench-lab}: only the lab, no running system needed (only its servers). */
@Command(name = "lab", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Run the designs the system began with as in-process baselines (optimistic lock, pessimistic lock, Redisson"
                + " lock, DECR + SISMEMBER, Lua script + Kafka send) on the same loads, against MariaDB (database "
                + LabServers.DATABASE + "), Redis database " + LabServers.REDIS_DATABASE + " and the topic "
                + LabServers.TOPIC + ", each judged on its answers and its store by the invariant checker.",
                "Exit code: 0 the lab ran (a baseline failing an invariant is a finding, not an error), 1 a step"
                        + " failed, 2 a wrong command line." })
public final class LabCommand implements Callable<Integer> {

    static final String CSV_HEADER = "load,baseline,attempts,finished,seconds,throughput,p50_ms,p99_ms,issued,holders,"
            + "oversell,duplicates,store_holders,store_records,store_stock,i1,i2,i3,i4,i5,answers";

    @Spec
    CommandSpec spec;

    @Mixin
    LabOptions lab;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the results as CSV to FILE")
    Path out;

    @Mixin
    ServerOptions servers;

    @Override
    public Integer call() throws Exception {
        List<LabLoad> loads = lab.loads(spec);
        PrintWriter console = spec.commandLine().getOut();
        List<LabResult> results = Lab.run(servers.lab(), loads, line -> {
            console.println(line);
            console.flush();
        });
        if (out != null) {
            write(out, results);
            console.println("Written: " + out);
        }
        console.flush();
        return 0;
    }

    static void write(Path file, List<LabResult> results) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(CSV_HEADER);
        results.forEach(r -> lines.add(csv(r)));
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.write(file, lines);
    }

    static String csv(LabResult r) {
        List<String> fields = new ArrayList<>(List.of(r.load().name(), "\"" + r.name() + "\"",
                Integer.toString(r.attempts()), Integer.toString(r.finished()), fmt(r.seconds()), fmt(r.throughput()),
                fmt(r.latency().p50()), fmt(r.latency().p99()), Long.toString(r.issued()), Long.toString(r.holders()),
                Long.toString(r.oversell()), Long.toString(r.duplicates()), Long.toString(r.state().holders().size()),
                Long.toString(r.state().counts().rows()), Long.toString(r.state().counts().stock())));
        for (Invariant invariant : List.of(Invariant.I1, Invariant.I2, Invariant.I3, Invariant.I4, Invariant.I5,
                Invariant.ANSWERS)) {
            Verdict verdict = r.verdicts().get(invariant);
            fields.add(verdict == null ? "" : verdict.label());
        }
        return String.join(",", fields);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
