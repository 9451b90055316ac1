package com.flashsale.coupon.lab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Waits until the machine's CPUs are mostly idle before a row is measured. A reset leaves work
 * behind that runs for seconds after its answer (MariaDB purging the deleted rows, Redis freeing
 * the old ledger, the gateway re-reading the members): a row started in it measures that work's
 * tail, not the system's steady state.
 */
final class QuietMachine {

    private static final Path STAT = Path.of("/proc/stat");
    private static final Duration SAMPLE = Duration.ofMillis(500);
    /** Busy share of all CPUs under which the machine counts as quiet: the idle system's own polling stays below it. */
    private static final double QUIET_BUSY_SHARE = 0.25;
    private static final int QUIET_SAMPLES_IN_A_ROW = 2;

    private QuietMachine() {
    }

    /** Returns a line saying how long it waited and how busy the machine was at the end. */
    static String await(Duration atMost) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + atMost.toNanos();
        long[] before = ticks();
        int quietInARow = 0;
        double busy = 1;
        while (quietInARow < QUIET_SAMPLES_IN_A_ROW && System.nanoTime() < deadline) {
            Thread.sleep(SAMPLE);
            long[] now = ticks();
            busy = busyShare(before, now);
            before = now;
            quietInARow = busy <= QUIET_BUSY_SHARE ? quietInARow + 1 : 0;
        }
        double waited = (System.nanoTime() - started) / 1e9;
        return String.format(Locale.ROOT, "machine %s after %.1f s (CPUs %.0f%% busy)",
                quietInARow >= QUIET_SAMPLES_IN_A_ROW ? "quiet" : "still busy", waited, busy * 100);
    }

    /** {busy, total} jiffies of all CPUs; {0, 0} where /proc/stat cannot be read (the wait then ends at once). */
    private static long[] ticks() {
        try {
            String[] fields = Files.readAllLines(STAT).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            // Fields: user nice system idle iowait irq softirq steal ...; idle and iowait are not work.
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static double busyShare(long[] before, long[] after) {
        long total = after[1] - before[1];
        return total <= 0 ? 0 : (double) (after[0] - before[0]) / total;
    }
}
