package com.flashsale.coupon.lab.baseline;

import com.flashsale.coupon.lab.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs every baseline on the same load, one after the other, and reports them side by side. */
public final class LabCommand {

    private LabCommand() {
    }

    public static List<LabResult> run(Options options) throws Exception {
        LabServers servers = LabServers.fromEnvironment();
        LabLoad load = new LabLoad(options.integer("clients", 64), options.integer("members", 20_000),
                options.integer("attempts-per-member", 2), options.integer("stock", 10_000),
                options.seconds("time-limit", 30));
        System.out.println("Lab load: " + load);
        List<LabResult> results = new ArrayList<>();
        for (Factory factory : baselines()) {
            try (Baseline baseline = factory.create(servers)) {
                LabResult result = LabRun.run(baseline, load);
                System.out.println(line(result));
                results.add(result);
            }
        }
        return results;
    }

    /** In the seed's order. Each is created when its turn comes, so only one holds connections at a time. */
    private static List<Factory> baselines() {
        return List.of(OptimisticLock::new, PessimisticLock::new, RedissonLock::new, DecrThenSismember::new,
                LuaWithKafka::new);
    }

    private interface Factory {
        Baseline create(LabServers servers) throws Exception;
    }

    public static void printAndWrite(List<LabResult> results, Options options) throws IOException {
        String out = options.string("out", "");
        if (!out.isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add(CSV_HEADER);
            results.forEach(r -> lines.add(csv(r)));
            Files.write(Path.of(out), lines);
        }
    }

    static final String CSV_HEADER = "baseline,attempts,finished,seconds,throughput,p50_ms,p99_ms,issued,holders,"
            + "oversell,duplicates,unsold,failed,store_records,store_holders,store_stock,store_agrees";

    static String csv(LabResult r) {
        return String.join(",", "\"" + r.name() + "\"", Integer.toString(r.attempts()), Integer.toString(r.finished()),
                fmt(r.seconds()), fmt(r.throughput()), fmt(r.latency().p50()), fmt(r.latency().p99()),
                Long.toString(r.issued()), Long.toString(r.holders()), Long.toString(r.oversell()),
                Long.toString(r.duplicates()), Long.toString(r.unsold()), Long.toString(r.failed()),
                Long.toString(r.store().records()), Long.toString(r.store().holders()),
                Long.toString(r.store().stockLeft()), Boolean.toString(r.storeAgrees()));
    }

    public static String line(LabResult r) {
        return String.format(Locale.ROOT,
                "%-52s %8.0f req/s  p50 %7.2f ms  p99 %8.2f ms  finished %d/%d  issued %d  holders %d  oversell %d"
                        + "  duplicates %d  unsold %d  failed %d  store %s",
                r.name(), r.throughput(), r.latency().p50(), r.latency().p99(), r.finished(), r.attempts(),
                r.issued(), r.holders(), r.oversell(), r.duplicates(), r.unsold(), r.failed(), r.store());
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
