package com.flashsale.coupon.system.infra;

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
 * Runs the scripts of {@code scripts/infra} as an operator would, with this JVM's environment (INFRA_HOME,
 * the ports), plus any variables given. Every run is bounded; a script that fails or overruns fails the
 * caller with its output.
 */
final class InfraScripts {

    private static final Duration DEADLINE = Duration.ofMinutes(5);

    private final Path dir = Path.of(System.getProperty("infra.scripts", "../scripts/infra")).toAbsolutePath();

    /** The script's standard output and error; fails unless it exits 0. */
    String run(String script, String... args) {
        Result result = exec(Map.of(), script, args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(script + " " + String.join(" ", args) + " failed (" + result.exitCode() + "):\n"
                    + result.output());
        }
        return result.output();
    }

    Result exec(Map<String, String> environment, String script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", dir.resolve(script).toString()));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("infra-" + script, ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
                environment.forEach((name, value) -> {
                    if (value == null) {
                        builder.environment().remove(name);
                    } else {
                        builder.environment().put(name, value);
                    }
                });
                Process process = builder.start();
                if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in " + DEADLINE + ":\n"
                            + Files.readString(output, StandardCharsets.UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).strip());
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Result(int exitCode, String output) {
    }
}
