package com.flashsale.coupon.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The coupon on sale and its quantity, set through the worker when the sale is reset. */
final class ResetOptions {

    @Mixin
    CouponOptions coupon;

    @Option(names = "--quantity", paramLabel = "N", defaultValue = "100",
            description = "the coupon's quantity, set before the sale (default: ${DEFAULT-VALUE})")
    int quantity;

    /** @throws ParameterException (exit code 2) for a coupon code or a quantity that cannot be set */
    void validate(CommandSpec spec) {
        coupon.validate(spec);
        if (quantity < 1) {
            throw new ParameterException(spec.commandLine(), "--quantity must be positive, got " + quantity);
        }
    }

    String couponCode() {
        return coupon.couponCode();
    }
}
