package com.flashsale.coupon.cli.bench.cpu;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The CPU time each role and the whole machine spent over one measured window.
 *
 * @param seconds CPU seconds by role (only the roles that were measured)
 * @param machineBusySeconds every CPU's busy time, whoever spent it
 * @param machineSeconds every CPU's time, busy or not: about the window's length times the cores
 */
public record CpuWindow(Duration wall, Map<Role, Double> seconds, double machineBusySeconds, double machineSeconds,
        int cores) {

    public CpuWindow {
        seconds = seconds.isEmpty() ? Map.of() : new EnumMap<>(seconds);
    }

    static CpuWindow between(CpuMeter.Reading before, CpuMeter.Reading after, long clockTicks) {
        Map<Role, Double> seconds = new EnumMap<>(Role.class);
        after.ticks().forEach((role, ticks) -> {
            Long earlier = before.ticks().get(role);
            if (earlier == null) {
                throw new IllegalArgumentException("the readings do not measure the same processes: " + role.title());
            }
            seconds.put(role, (double) (ticks - earlier) / clockTicks);
        });
        return new CpuWindow(Duration.ofNanos(after.nanoTime() - before.nanoTime()), seconds,
                (double) (after.machineBusy() - before.machineBusy()) / clockTicks,
                (double) (after.machineTotal() - before.machineTotal()) / clockTicks, after.cores());
    }

    /** The CPU seconds of the system's processes and the generator together. */
    public double processSeconds() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The share of all CPUs that was busy, whoever used them (0..1). */
    public double machineBusyShare() {
        return machineSeconds <= 0 ? 0 : machineBusySeconds / machineSeconds;
    }

    /** The share of all CPUs the measured processes used (0..1). */
    public double processShare() {
        return machineSeconds <= 0 ? 0 : processSeconds() / machineSeconds;
    }

    /** This window's cost per request (or per row persisted). */
    public Cost per(long requests) {
        return new Cost(this, requests);
    }
}
