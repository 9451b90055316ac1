package com.flashsale.coupon.lab.bench;

import com.flashsale.coupon.lab.Options;
import com.flashsale.coupon.lab.baseline.LabCommand;
import com.flashsale.coupon.lab.baseline.LabLoad;
import com.flashsale.coupon.lab.baseline.LabResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code make bench}: every measurement of the issue, in one run, against the system {@code make run}
 * started, then the lab on the same machine. Between rows that sell, the sale is reset, and only
 * once the previous row has settled (outbox empty, MySQL caught up), so no row's leftovers leak into
 * the next one.
 */
public final class BenchCommand {

    private final BenchSettings settings;
    private final List<LabLoad> labLoads;

    private BenchCommand(BenchSettings settings, List<LabLoad> labLoads) {
        this.settings = settings;
        this.labLoads = labLoads;
    }

    /**
     * Reads every option before anything runs, so a wrong one stops the bench at once rather than
     * after the system's rows. {@code --lab-NAME=VALUE} options go to the lab as {@code --NAME=VALUE}.
     *
     * @throws IllegalArgumentException naming the wrong option
     */
    public static BenchCommand from(Options options) {
        BenchSettings settings = BenchSettings.from(options);
        return new BenchCommand(settings,
                LabCommand.loads(options.withPrefix("lab-").withDefault("clients", settings.connections())));
    }

    public void run() throws Exception {
        Machine machine = Machine.describe();
        Instant started = Instant.now();
        List<ResultRow> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, ResultRow> named;
        try (RunningSystem system = new RunningSystem(settings.gatewayHost(), settings.gatewayPort(),
                settings.workerUrl(), settings.jdbcUrl(), settings.mysqlUser(), settings.mysqlPassword(),
                settings.redisHost(), settings.redisPort(), settings.redisDatabase())) {
            SystemPhases phases = new SystemPhases(settings, system, notes);
            phases.prepare();
            named = phases.runAll(rows);
            List<LabResult> lab = LabCommand.run(labLoads);
            lab.forEach(result -> {
                ResultRow row = LabRows.of(result);
                rows.add(row);
                named.put(LabRows.key(result), row);
            });
            phases.restore();
        }
        List<Target> targets = Targets.of(named);
        String loadAfter = Machine.loadAverage();
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        Report.RunInfo run = new Report.RunInfo(
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(started.atOffset(ZoneOffset.UTC)), seconds,
                machine, loadAfter, settings.conditions(),
                "wrk (" + settings.wrkThreads() + " threads, " + settings.connections()
                        + " connections), redis-benchmark (" + settings.connections()
                        + " clients), the lab's open-loop and closed-loop HTTP generators (" + settings.connections()
                        + " connections); all on 127.0.0.1");
        Report.write(settings.out(), run, rows, targets, notes);
        System.out.println();
        System.out.print(Report.console(rows, targets));
        System.out.println();
        System.out.println("Written: " + settings.out().resolve("results.md") + ", results.csv, results.png ("
                + Math.round(seconds) + " s)");
        if (rows.stream().anyMatch(row -> !row.invariants().allHold() && !row.group().equals("lab"))) {
            System.out.println("An invariant of the system FAILED: see the notes in results.md.");
            System.exit(1);
        }
    }
}
