package com.flashsale.coupon.cli.bench.cpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Reads the CPU time of the system's processes and of the whole machine, so a row's cost is what
 * was spent between two readings taken right before and right after its measured window. A part may
 * run as several processes (a Redis Cluster, three brokers): their times add up under its role.
 */
public record CpuMeter(Path proc, long clockTicks, List<Watched> processes) {

    public CpuMeter {
        processes = List.copyOf(processes);
    }

    /** On this machine's {@code /proc}, with its clock tick. */
    public static CpuMeter onThisMachine(List<Watched> processes) {
        return new CpuMeter(Path.of("/proc"), clockTicksOfThisMachine(), processes);
    }

    /** @throws IllegalStateException naming a process that is gone (it exited or was restarted) */
    public Reading read() {
        long at = System.nanoTime();
        Map<Role, Long> ticks = new EnumMap<>(Role.class);
        for (Watched process : processes) {
            String stat;
            try {
                stat = Files.readString(proc.resolve(Long.toString(process.pid())).resolve("stat"), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("the " + process + " is gone: a part of the system stopped during the"
                        + " bench", e);
            }
            ticks.merge(process.role(), ProcStat.processTicks(stat, process.withChildren()), Long::sum);
        }
        ProcStat.MachineTicks machine;
        try {
            machine = ProcStat.machine(Files.readAllLines(proc.resolve("stat")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + proc.resolve("stat") + ": " + e.getMessage(), e);
        }
        return new Reading(at, ticks, machine.busy(), machine.total(), machine.cores());
    }

    /** The CPU time spent between two readings. */
    public CpuWindow between(Reading before, Reading after) {
        return CpuWindow.between(before, after, clockTicks);
    }

    /** Runs the work and reads the CPU time right before and right after it. */
    public <T> Measured<T> measure(Callable<T> work) throws Exception {
        Reading before = read();
        T result = work.call();
        return new Measured<>(result, between(before, read()));
    }

    /** {@code getconf CLK_TCK}: the unit of every figure in {@code /proc/<pid>/stat} and {@code /proc/stat}. */
    private static long clockTicksOfThisMachine() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (getconf.waitFor() != 0) {
                throw new IllegalStateException("getconf CLK_TCK failed: " + out);
            }
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot read the clock tick (getconf CLK_TCK): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the clock tick", e);
        }
    }

    /** CPU ticks by role and of the whole machine, at one moment (a {@link System#nanoTime()}). */
    public record Reading(long nanoTime, Map<Role, Long> ticks, long machineBusy, long machineTotal, int cores) {

        public Reading {
            ticks = ticks.isEmpty() ? Map.of() : new EnumMap<>(ticks);
        }
    }

    /** What the work returned, and the CPU time it took. */
    public record Measured<T>(T result, CpuWindow window) {
    }
}
