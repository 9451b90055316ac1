package com.flashsale.coupon.system;

import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.api.Timeouts;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service jar running as a separate OS process, as in production: it can be killed with
 * SIGKILL mid-sale and started again. It listens on two ports, as deployed: {@link #port()} for its
 * API and {@link #managementPort()} for its actuator (health, readiness, metrics). Output goes to
 * {@code target/service-logs/<name>.log}. Public for the chaos drills in a sub-package.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Readiness through the sale kit, like every request of the tests; one that hangs is asked again. */
    private static final SaleClient HTTP = SaleClient.forTargets(SaleEnvironment.CREDENTIALS,
            new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)));

    private final String name;
    private final Path jar;
    private final Map<String, String> properties;
    private final int port;
    private final int managementPort;
    private volatile Process process;

    ServiceProcess(String name, String jarProperty, int port, Map<String, String> properties) {
        this.name = name;
        this.jar = Path.of(System.getProperty(jarProperty, "missing-" + jarProperty));
        this.port = port;
        this.managementPort = freePort();
        this.properties = new LinkedHashMap<>(properties);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Service jar not found: " + jar + ". Build it first: 'make build' (or run 'make test').");
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets (or replaces) one Spring property for the next start. Replaced rather than appended: Spring
     * joins a repeated command-line option into a comma-separated value.
     */
    public ServiceProcess withProperty(String key, String value) {
        properties.put(key, value);
        return this;
    }

    public ServiceProcess start() {
        Path logs = Path.of(System.getProperty("logs.dir", "target/service-logs"));
        try {
            Files.createDirectories(logs);
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-jar", jar.toString()));
            command.add("--server.port=" + port);
            command.add("--management.server.port=" + managementPort);
            command.add("--server.address=127.0.0.1");
            command.add("--management.server.address=127.0.0.1");
            properties.forEach((key, value) -> command.add("--" + key + "=" + value));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + name + ": " + e.getMessage(), e);
        }
        try {
            // Two JVMs starting at once on a busy two-core machine can take well over a minute each.
            await(name + " ready on port " + port).atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log in " + logs);
                        }
                        return ready();
                    });
        } catch (RuntimeException notReady) {
            // The caller never gets this process to close: one that did not become ready must not outlive the test.
            process.destroyForcibly();
            throw notReady;
        }
        return this;
    }

    private boolean ready() {
        return HTTP.ready(LocalTarget.port(managementPort));
    }

    public int port() {
        return port;
    }

    /** Where the actuator listens: health, readiness and the Prometheus page. */
    public int managementPort() {
        return managementPort;
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful drain, exactly like a crashed machine. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts the same jar again on the same port with the same properties, as a supervisor would after a crash. */
    public ServiceProcess restart() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is still running; kill or close it first");
        }
        return start();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
