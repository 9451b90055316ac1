package com.flashsale.coupon.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator's command line, the packaged {@code sale.jar}, run as a process the way
 * {@code scripts/load-test.sh} runs it: its defaults come from the environment an operator's shell
 * holds after {@code make run} (GATEWAY_PORT, WORKER_PORT, MYSQL_*, REDIS_*).
 */
final class SaleJar {

    private final Path jar = Path.of(System.getProperty("sale.jar", "missing-sale.jar"));

    SaleJar() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Command line jar not found: " + jar
                    + ". Build it first: 'make build' (or run 'make test').");
        }
    }

    /** Runs {@code java -jar sale.jar <arguments>} with these variables and waits for it, at most {@code atMost}. */
    Run run(Map<String, String> variables, Duration atMost, String... arguments) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("sale-jar", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(variables);
            Process process = builder.start();
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(command + " did not finish within " + atMost + ":\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** How the command ended and everything it printed. */
    record Run(int exitCode, String output) {
    }
}
