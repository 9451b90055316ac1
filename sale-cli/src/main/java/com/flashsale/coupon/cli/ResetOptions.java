package com.flashsale.coupon.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The coupon's quantity, set through the worker before a sale. */
final class QuantityOptions {

    @Option(names = "--quantity", paramLabel = "N", defaultValue = "100",
            description = "the coupon's quantity, set before the sale (default: ${DEFAULT-VALUE})")
    int quantity;

    void validate(CommandSpec spec) {
        if (quantity < 1) {
            throw new ParameterException(spec.commandLine(), "--quantity must be positive, got " + quantity);
        }
    }
}
