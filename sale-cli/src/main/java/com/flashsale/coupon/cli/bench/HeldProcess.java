package com.flashsale.coupon.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A process held still (SIGSTOP) until closed (SIGCONT): the worker while the drain row writes its
 * backlog, so the worker starts on events that are all in Kafka already instead of sharing the cores
 * with the bench's own producer while it writes them. Held for a second or two, well inside the
 * worker's Kafka session timeout (10 s), so it keeps its partitions.
 *
 * <p>Java has no call that sends these signals, hence {@code kill}. A bench stopped by Ctrl-C or a TERM
 * while holding the worker lets it go from a shutdown hook; after a {@code kill -9} of the bench,
 * {@code kill -CONT <worker pid>} does.
 */
final class HeldProcess implements AutoCloseable {

    private final long pid;
    private final Thread release;

    private HeldProcess(long pid) {
        this.pid = pid;
        this.release = new Thread(this::signalContinue, "release-pid-" + pid);
    }

    /** @throws IllegalStateException when the process cannot be stopped (gone, or not this user's) */
    static HeldProcess hold(long pid) {
        HeldProcess held = new HeldProcess(pid);
        Runtime.getRuntime().addShutdownHook(held.release);
        try {
            signal("STOP", pid);
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(held.release);
            throw e;
        }
        return held;
    }

    @Override
    public void close() {
        try {
            signalContinue();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(release);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway; a second SIGCONT does nothing.
            }
        }
    }

    private void signalContinue() {
        signal("CONT", pid);
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed: " + said);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -" + signal + " " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending " + signal + " to " + pid, e);
        }
    }
}
