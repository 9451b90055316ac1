package com.flashsale.coupon.cli;

import com.flashsale.coupon.cli.bench.BenchCommand;
import com.flashsale.coupon.cli.lab.LabCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every command of the command line, in the order {@code --help} lists them: new ones register here. */
final class Subcommands {

    private Subcommands() {
    }

    /**
     * Options a command gets from a shared mixin but has no use for, taken out so that its help lists only
     * what it reads: reset talks to the worker alone; the lab has a database and a Redis database of its own.
     */
    static void dropUnusedOptions(CommandLine commandLine) {
        drop(commandLine.getSubcommands().get("reset"), "--gateway-url");
        drop(commandLine.getSubcommands().get("lab"), "--mysql-database", "--redis-database");
    }

    private static void drop(CommandLine command, String... names) {
        CommandSpec spec = command.getCommandSpec();
        for (String name : names) {
            OptionSpec option = spec.findOption(name);
            if (option != null) {
                spec.remove(option);
            }
        }
    }

    static List<Object> all() {
        return List.of(new SaleCommand(), new ResetCommand(), new VerifyCommand(), new BenchCommand(), new LabCommand(),
                new TokenCommand());
    }
}
