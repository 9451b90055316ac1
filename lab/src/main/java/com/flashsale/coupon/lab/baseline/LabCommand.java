package com.flashsale.coupon.lab.baseline;

import com.flashsale.coupon.lab.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every baseline on each lab load, one after the other, and reports them side by side. Two
 * loads: "stock left" (every attempt a new member, so every attempt issues: the issue endpoint's
 * contended row has the same mix) and "double clicks" (every member asks twice at once, past
 * sell-out: where the racy baselines show their race).
 */
public final class LabCommand {

    private LabCommand() {
    }

    public static List<LabResult> run(List<LabLoad> loads) throws Exception {
        LabServers servers = LabServers.fromEnvironment();
        List<LabResult> results = new ArrayList<>();
        for (LabLoad load : loads) {
            System.out.println("Lab load " + load);
            for (Factory factory : baselines()) {
                try (Baseline baseline = factory.create(servers)) {
                    LabResult result = LabRun.run(baseline, load);
                    System.out.println(line(result));
                    results.add(result);
                }
            }
        }
        return results;
    }

    /** {@code --loads=stock-left,double-clicks} (the default: both), each sized by its own options. */
    public static List<LabLoad> loads(Options options) {
        int clients = options.integer("clients", 64);
        List<LabLoad> loads = new ArrayList<>();
        for (String name : options.string("loads", "stock-left,double-clicks").split(",")) {
            loads.add(switch (name.trim()) {
                case "stock-left" -> LabLoad.stockLeft(clients, options.integer("stock-left-members", 10_000),
                        options.seconds("stock-left-time-limit", 20));
                case "double-clicks" -> LabLoad.doubleClicks(clients, options.integer("members", 20_000),
                        options.integer("stock", 10_000), options.seconds("time-limit", 30));
                default -> throw new IllegalArgumentException(
                        "--loads: expected stock-left and/or double-clicks, got '" + name + "'");
            });
        }
        return loads;
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

    static final String CSV_HEADER = "load,baseline,attempts,finished,seconds,throughput,p50_ms,p99_ms,issued,holders,"
            + "oversell,duplicates,unsold,failed,store_records,store_holders,store_stock,store_agrees";

    static String csv(LabResult r) {
        return String.join(",", r.load().name(), "\"" + r.name() + "\"", Integer.toString(r.attempts()),
                Integer.toString(r.finished()),
                fmt(r.seconds()), fmt(r.throughput()), fmt(r.latency().p50()), fmt(r.latency().p99()),
                Long.toString(r.issued()), Long.toString(r.holders()), Long.toString(r.oversell()),
                Long.toString(r.duplicates()), Long.toString(r.unsold()), Long.toString(r.failed()),
                Long.toString(r.store().records()), Long.toString(r.store().holders()),
                Long.toString(r.store().stockLeft()), Boolean.toString(r.storeAgrees()));
    }

    public static String line(LabResult r) {
        return String.format(Locale.ROOT,
                "%-13s %-52s %8.0f req/s  p50 %7.2f ms  p99 %8.2f ms  finished %d/%d  issued %d  holders %d"
                        + "  oversell %d  duplicates %d  unsold %d  failed %d  store %s",
                r.load().name(), r.name(), r.throughput(), r.latency().p50(), r.latency().p99(), r.finished(),
                r.attempts(), r.issued(), r.holders(), r.oversell(), r.duplicates(), r.unsold(), r.failed(), r.store());
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
