package com.flashsale.coupon.cli.bench.cpu;

import java.util.List;

/**
 * Reads CPU time out of the kernel's accounting files, in clock ticks ({@code getconf CLK_TCK}):
 * {@code /proc/<pid>/stat} for one process and {@code /proc/stat} for the whole machine (proc(5)).
 */
final class ProcStat {

    private ProcStat() {
    }

    /**
     * utime + stime (fields 14 and 15) of a {@code /proc/<pid>/stat} line, plus cutime + cstime (16
     * and 17) with {@code withChildren}: the time of its children it has waited for, which is how a
     * tool the bench ran and reaped (wrk, redis-benchmark) is counted. The process's own fields
     * already sum all its threads, those that ended included, which summing {@code task/<tid>/stat}
     * would miss.
     * Fields are counted after the command name, which may itself hold spaces and parentheses.
     */
    static long processTicks(String stat, boolean withChildren) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        // After ") ": field 3 (state) is at index 0, so field n is at index n - 3.
        String[] fields = stat.substring(close + 1).trim().split("\\s+");
        if (fields.length < 15) {
            throw new IllegalArgumentException("a /proc/<pid>/stat line with too few fields: " + stat);
        }
        long ticks = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
        return withChildren ? ticks + Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]) : ticks;
    }

    /**
     * The machine's first line ({@code cpu  user nice system idle iowait irq softirq steal guest
     * guest_nice}) as busy and total ticks of all CPUs: idle and iowait are not work, and guest time
     * is already counted in user time. Cores are the {@code cpuN} lines.
     */
    static MachineTicks machine(List<String> lines) {
        if (lines.isEmpty() || !lines.getFirst().startsWith("cpu ")) {
            throw new IllegalArgumentException("not /proc/stat: its first line is not the CPUs' total");
        }
        String[] fields = lines.getFirst().trim().split("\\s+");
        long total = 0;
        for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
        int cores = (int) lines.stream().filter(line -> line.matches("cpu\\d+\\s.*")).count();
        return new MachineTicks(total - idle, total, cores);
    }

    record MachineTicks(long busy, long total, int cores) {
    }
}
