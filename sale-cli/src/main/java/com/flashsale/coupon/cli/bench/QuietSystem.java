package com.flashsale.coupon.cli.bench;

import com.flashsale.coupon.cli.bench.cpu.CpuMeter;
import com.flashsale.coupon.cli.bench.cpu.CpuWindow;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until the system's own processes are mostly idle before a row is measured. A reset leaves
 * work behind that runs for seconds after its answer (MariaDB purging the deleted rows, Redis
 * freeing the old ledger, the gateway re-reading the members): a row started in it measures that
 * work's tail, not the system's steady state. Only the system's processes are watched: what other
 * work the machine carries is not the bench's to wait for (and on a shared machine it never ends).
 */
final class QuietSystem {

    private static final Duration SAMPLE = Duration.ofMillis(500);
    /** Cores the idle system's own polling (relay, consumers, provisioning) stays below. */
    private static final double QUIET_CORES = 0.5;
    private static final int QUIET_SAMPLES_IN_A_ROW = 2;

    private QuietSystem() {
    }

    /** Returns a line saying how long it waited and how busy the system was at the end. */
    static String await(CpuMeter meter, Duration atMost) {
        long started = System.nanoTime();
        long deadline = started + atMost.toNanos();
        CpuMeter.Reading before = meter.read();
        int quietInARow = 0;
        double cores = Double.NaN;
        while (quietInARow < QUIET_SAMPLES_IN_A_ROW && System.nanoTime() < deadline) {
            // Sampling, not waiting for a condition that could be awaited: the CPU time is the condition.
            LockSupport.parkNanos(SAMPLE.toNanos());
            CpuMeter.Reading now = meter.read();
            cores = systemCores(meter.between(before, now));
            before = now;
            quietInARow = cores <= QUIET_CORES ? quietInARow + 1 : 0;
        }
        return String.format(Locale.ROOT, "system %s after %.1f s (its processes using %.2f cores)",
                quietInARow >= QUIET_SAMPLES_IN_A_ROW ? "quiet" : "still busy", (System.nanoTime() - started) / 1e9, cores);
    }

    private static double systemCores(CpuWindow window) {
        double seconds = window.seconds().entrySet().stream().filter(e -> e.getKey().system())
                .mapToDouble(e -> e.getValue()).sum();
        return seconds / (window.wall().toNanos() / 1e9);
    }
}
