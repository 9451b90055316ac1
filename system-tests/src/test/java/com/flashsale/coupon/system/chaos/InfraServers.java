package com.flashsale.coupon.system.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The local Redis, MariaDB and Kafka servers started by the project's scripts: killed by
 * {@code scripts/infra/kill.sh}, started again by {@code scripts/infra/start.sh}, which returns once
 * the server is healthy. The scripts read the same environment variables as the tests (INFRA_HOME,
 * ports), which the test JVM passes on. Every server a drill touched is started again on close,
 * whether the drill passed or not, so a failed drill never leaves the next test without a server.
 */
final class InfraServers implements AutoCloseable {

    private final Path scripts = Path.of(System.getProperty("infra.scripts", "../scripts/infra")).toAbsolutePath();
    private final Set<String> touched = new LinkedHashSet<>();

    /**
     * kill -9 of the server by {@code kill.sh}: the process named by the scripts' pid file and its
     * children, as a crash leaves them; returns once every thread is gone and its ports refuse
     * connections, so a start right after finds them free.
     */
    void kill(String server) {
        touched.add(server);
        run("kill.sh", server);
    }

    /** Returns once the server answers its health check. */
    void start(String server) {
        run("start.sh", server);
    }

    /** What {@code scripts/infra/cluster.sh} prints for a command: where slots and leaders are, a failover awaited. */
    String cluster(String... command) {
        List<String> arguments = new ArrayList<>(List.of(command));
        return run("cluster.sh", arguments);
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
        run(script, List.of(server));
    }

    private String run(String script, List<String> arguments) {
        String server = String.join("-", arguments).replaceAll("[^A-Za-z0-9-]", "_");
        Path output;
        try {
            output = Files.createTempFile("chaos-" + server, ".out");
            List<String> command = new ArrayList<>(List.of("bash", scripts.resolve(script).toString()));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command)
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
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + scripts.resolve(script) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
