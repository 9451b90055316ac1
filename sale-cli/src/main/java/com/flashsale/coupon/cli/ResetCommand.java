package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.api.SaleClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The seed's reset between runs, through the worker's operator endpoints. */
@Command(name = "reset", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Reset the whole sale, every campaign's, then set the coupon's quantity: MySQL's issue and"
                + " failure rows of every coupon deleted and the Redis ledger rebuilt at each campaign's quantity,"
                + " together, then the coupon's stock shifted to the quantity (two calls to the worker: the reset,"
                + " then the quantity, which the worker never sets below what was issued).",
                "Exit code: 0 reset, 1 a step failed (the worker's reason is printed), 2 a wrong command line." })
final class ResetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ResetOptions reset;

    @Mixin
    ServiceOptions services;

    @Override
    public Integer call() {
        reset.validate(spec);
        try (SaleClient client = services.workerClient()) {
            SaleSteps.reset(client, reset.couponCode(), reset.quantity, new Report(spec.commandLine().getOut()));
        }
        return 0;
    }
}
