package com.flashsale.coupon.system.chaos;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The local Redis, MariaDB and Kafka servers started by the project's scripts: killed through the
 * pid file the scripts keep, started again by {@code scripts/infra/start.sh}, which returns once the
 * server is healthy. The scripts read the same environment variables as the tests (INFRA_HOME,
 * ports), which the test JVM passes on. Every server a drill touched is started again on close,
 * whether the drill passed or not, so a failed drill never leaves the next test without a server.
 */
final class InfraServers implements AutoCloseable {

    /** What each server's command line contains (the scripts' own check against a recycled pid). */
    private static final Map<String, String> SERVER_COMMANDS = Map.of("redis", "redis-server", "mariadb", "mariadbd",
            "kafka", "kafka.Kafka");

    private final Path scripts = Path.of(System.getProperty("infra.scripts", "../scripts/infra")).toAbsolutePath();
    private final Set<String> touched = new LinkedHashSet<>();

    /**
     * kill -9 of the server process named by the scripts' pid file, then waits until it is gone and its
     * ports refuse connections. The same as {@code kill.sh}, minus its walk through /proc for child
     * processes (these servers have none), which takes seconds on a busy machine: long enough for a
     * short sale to sell out before the fault lands.
     */
    void kill(String server) {
        touched.add(server);
        long pid = serverPid(server);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        await(server + " gone, its ports released").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !running(pid) && ports(server).stream().noneMatch(InfraServers::accepts));
    }

    private long serverPid(String server) {
        Path pidFile = infraHome().resolve("run").resolve(server + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            String command = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
            if (!command.contains(SERVER_COMMANDS.get(server))) {
                throw new IllegalStateException("pid " + pid + " from " + pidFile + " is not " + server + ": " + command);
            }
            return pid;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(server + " is not running (pid file " + pidFile + "): " + e.getMessage(), e);
        }
    }

    /** Alive and not a zombie: a killed server's parent may never reap it. */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    /** Where the scripts keep data, logs and pid files: INFRA_HOME, or their default inside the work tree. */
    private Path infraHome() {
        String home = System.getenv("INFRA_HOME");
        return home == null || home.isBlank() ? scripts.resolve("../../.local/infra").normalize() : Path.of(home);
    }

    /** The ports the scripts give a server, from the same environment variables they read. */
    static List<Integer> ports(String server) {
        return switch (server) {
            case "redis" -> List.of(port("REDIS_PORT", 6379));
            case "mariadb" -> List.of(port("MYSQL_PORT", 3306));
            case "kafka" -> List.of(port("KAFKA_PORT", 9092), port("KAFKA_CONTROLLER_PORT", 9093));
            default -> throw new IllegalArgumentException("unknown server " + server);
        };
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns once the server answers its health check. */
    void start(String server) {
        run("start.sh", server);
    }

    /** For faults injected without the scripts (Redis SHUTDOWN): still restored on close. */
    void touched(String server) {
        touched.add(server);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (String server : touched) {
            try {
                start(server);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void run(String script, String server) {
        Path output;
        try {
            output = Files.createTempFile("chaos-" + server, ".out");
            Process process = new ProcessBuilder(List.of("bash", scripts.resolve(script).toString(), server))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(4, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " " + server + " did not finish in 4 minutes");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8).strip();
            Files.deleteIfExists(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " " + server + " failed (" + process.exitValue() + "): " + text);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + scripts.resolve(script) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
