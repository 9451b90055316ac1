package com.flashsale.coupon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** The command line as its tests use it: parsed with an environment, or refused with exit code 2. */
public final class CommandLines {

    private CommandLines() {
    }

    /** The command the arguments name, its options parsed with defaults from {@code env}, not run. */
    @SuppressWarnings("unchecked")
    public static <T> T parse(Map<String, String> env, String... args) {
        return (T) SaleCli.commandLine(env).parseArgs(args).subcommand().commandSpec().userObject();
    }

    /** Run, the arguments are refused with {@code message}, the usage and exit code 2. */
    public static void assertRefused(Map<String, String> env, String message, String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = SaleCli.commandLine(env);
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));

        int exit = commandLine.execute(args);

        assertThat(exit).as("exit code of %s", List.of(args)).isEqualTo(2);
        assertThat(err.toString()).as("error of %s", List.of(args)).contains(message).contains("Usage: sale.jar");
    }
}
