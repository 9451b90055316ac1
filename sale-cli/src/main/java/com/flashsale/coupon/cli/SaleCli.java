package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.api.LocalTarget;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The operator's command line: {@code java -jar sale-cli/target/sale.jar <command> [options]}.
 * Every command has {@code --help}; a wrong option is named with the usage, exit code 2. Defaults
 * come from the environment the scripts and services read, options override them.
 */
@Command(name = "sale.jar", mixinStandardHelpOptions = true, version = "sale.jar (flash-sale coupon system)",
        description = "Drives and checks the running flash-sale coupon system (make run, make up). Exit code: 0 all"
                + " is right, 1 something is wrong or a step failed, 2 a wrong command line.",
        subcommandsRepeatable = false, commandListHeading = "%nCommands:%n")
public final class SaleCli implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /**
     * The whole command line, defaults read from {@code env}, every command of {@link Subcommands}
     * registered, then {@code more} (a module with commands of its own adds them here).
     */
    public static CommandLine commandLine(Map<String, String> env, Object... more) {
        CommandLine commandLine = new CommandLine(new SaleCli());
        Subcommands.all().forEach(commandLine::addSubcommand);
        Subcommands.dropUnusedOptions(commandLine);
        for (Object command : more) {
            commandLine.addSubcommand(command);
        }
        // Registered after the commands: picocli hands these down to the commands it already has.
        commandLine.registerConverter(LocalTarget.class, url -> {
            try {
                return LocalTarget.of(url);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        commandLine.setDefaultValueProvider(new EnvironmentDefaults(env));
        commandLine.setUsageHelpWidth(110);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            PrintWriter err = cl.getErr();
            err.println(cl.getCommandName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            err.flush();
            return 1;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }
}
