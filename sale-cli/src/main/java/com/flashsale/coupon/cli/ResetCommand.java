package com.flashsale.coupon.cli;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.kit.api.SaleClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The seed's reset between runs, through the worker's operator endpoints. */
@Command(name = "reset", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Set the coupon's quantity, then reset the sale: MySQL's issue and failure rows deleted and the"
                + " Redis ledger rebuilt at full stock, in one call to the worker.")
final class ResetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--coupon", paramLabel = "CODE", defaultValue = "FLASH100",
            description = "coupon whose quantity is set (default: ${DEFAULT-VALUE})")
    String couponCode;

    @Option(names = "--quantity", paramLabel = "N", defaultValue = "100",
            description = "the coupon's quantity (default: ${DEFAULT-VALUE})")
    int quantity;

    @Mixin
    ServiceOptions services;

    @Override
    public Integer call() {
        if (!LedgerKeys.isValidCouponCode(couponCode) || quantity < 1) {
            throw new ParameterException(spec.commandLine(), "a valid --coupon and a positive --quantity, please");
        }
        try (SaleClient client = services.client()) {
            SaleSteps.reset(client, couponCode, quantity, new Report(spec.commandLine().getOut()));
        }
        return 0;
    }
}
