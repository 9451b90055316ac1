package com.flashsale.coupon.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the run ran on, for the results header: the figures only mean something next to it. */
record Machine(String cpu, int cores, String memory, String os, String java, String loadBefore) {

    /** @param cores the CPUs the kernel accounts for ({@code /proc/stat}), which the cost figures are shares of */
    static Machine describe(int cores) {
        return new Machine(cpuModel(), cores, memoryTotal(), operatingSystem(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), loadAverage());
    }

    private static String cpuModel() {
        return firstMatching("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).trim())
                .orElse(System.getProperty("os.arch"));
    }

    private static String memoryTotal() {
        return firstMatching("/proc/meminfo", "MemTotal").map(line -> {
            long kb = Long.parseLong(line.replaceAll("\\D", ""));
            return Math.round(kb / 1024.0 / 1024.0) + " GiB";
        }).orElse("?");
    }

    private static String operatingSystem() {
        return firstMatching("/etc/os-release", "PRETTY_NAME").map(line -> line.substring(line.indexOf('=') + 1)
                .replace("\"", "")).orElse(System.getProperty("os.name")) + ", kernel " + System.getProperty("os.version");
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static Optional<String> firstMatching(String file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
