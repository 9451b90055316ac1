package com.flashsale.coupon.cli.bench.cpu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the process behind each part of the system: by the pid file its start script wrote
 * ({@code scripts/infra/start.sh}: {@code $INFRA_HOME/run/<server>.pid}; {@code scripts/services.sh}:
 * {@code $RUN_DIR/<service>.pid}), or else by the port it listens on (the socket's inode in
 * {@code /proc/net/tcp}, then the process holding it among {@code /proc/<pid>/fd}). A part that cannot
 * be found stops the bench with what was looked at: a cost table with a missing process would be wrong.
 */
public final class ProcessFinder {

    private static final String LISTEN = "0A";

    private final Path proc;

    public ProcessFinder(Path proc) {
        this.proc = proc;
    }

    public static ProcessFinder onThisMachine() {
        return new ProcessFinder(Path.of("/proc"));
    }

    /**
     * @param pidFile where the start script wrote the pid, or {@code null} when none did
     * @throws IllegalStateException naming the pid file and port it looked at
     */
    public Watched find(Role role, Path pidFile, int port) {
        Optional<Long> fromFile = pidFile == null ? Optional.empty() : alivePid(pidFile);
        if (fromFile.isPresent()) {
            return new Watched(role, fromFile.get(), false, "from " + pidFile.getFileName());
        }
        OptionalLong fromPort = listeningOn(port);
        if (fromPort.isPresent()) {
            return new Watched(role, fromPort.getAsLong(), false, "listening on port " + port);
        }
        throw new IllegalStateException("cannot find the " + role.title() + " process: "
                + (pidFile == null ? "" : "no live pid in " + pidFile + ", and ") + "no process listens on port " + port
                + ". Is it running ('make run')?");
    }

    /** The pid a pid file names, when that process is alive. */
    Optional<Long> alivePid(Path pidFile) {
        try {
            String text = Files.readString(pidFile).trim();
            long pid = Long.parseLong(text);
            return Files.isRegularFile(proc.resolve(Long.toString(pid)).resolve("stat")) ? Optional.of(pid)
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The process listening on this TCP port (IPv4 or IPv6). A process that forked keeps its parent's
     * sockets in the child (Redis saving in the background): of several holders, the parent is taken.
     */
    OptionalLong listeningOn(int port) {
        Set<String> sockets = new TreeSet<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            sockets.addAll(listeningSockets(proc.resolve(table), port));
        }
        if (sockets.isEmpty()) {
            return OptionalLong.empty();
        }
        List<Long> holders = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path process : processes) {
                if (holdsAny(process.resolve("fd"), sockets)) {
                    holders.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return holders.stream().filter(pid -> !holders.contains(parentOf(pid))).mapToLong(Long::longValue).min();
    }

    private static Set<String> listeningSockets(Path table, int port) {
        Set<String> sockets = new TreeSet<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            return sockets;
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 10 || !fields[3].equals(LISTEN)) {
                continue;
            }
            String local = fields[1];
            if (Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16) == port) {
                sockets.add("socket:[" + fields[9] + "]");
            }
        }
        return sockets;
    }

    private static boolean holdsAny(Path fds, Set<String> sockets) {
        try (DirectoryStream<Path> links = Files.newDirectoryStream(fds)) {
            for (Path link : links) {
                try {
                    if (sockets.contains(Files.readSymbolicLink(link).toString())) {
                        return true;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // Closed meanwhile: not the one.
                }
            }
        } catch (IOException e) {
            // Gone meanwhile, or not ours to read.
        }
        return false;
    }

    private long parentOf(long pid) {
        try {
            String stat = Files.readString(proc.resolve(Long.toString(pid)).resolve("stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 1).trim().split("\\s+")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
