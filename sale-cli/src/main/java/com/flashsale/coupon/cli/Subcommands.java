package com.flashsale.coupon.cli;

import com.flashsale.coupon.cli.bench.BenchCommand;
import com.flashsale.coupon.cli.lab.LabCommand;
import java.util.List;

/** Every command of the command line, in the order {@code --help} lists them: new ones register here. */
final class Subcommands {

    private Subcommands() {
    }

    static List<Object> all() {
        return List.of(new SaleCommand(), new ResetCommand(), new VerifyCommand(), new BenchCommand(), new LabCommand(),
                new TokenCommand());
    }
}
