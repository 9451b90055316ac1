package com.flashsale.coupon.cli;

import com.flashsale.coupon.events.LedgerKeys;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The coupon on sale. */
public final class CouponOptions {

    @Option(names = "--coupon", paramLabel = "CODE", defaultValue = "FLASH100",
            description = "coupon on sale (default: ${DEFAULT-VALUE})")
    String couponCode;

    public String couponCode() {
        return couponCode;
    }

    public void validate(CommandSpec spec) {
        if (!LedgerKeys.isValidCouponCode(couponCode)) {
            throw new ParameterException(spec.commandLine(), "invalid coupon code: " + couponCode);
        }
    }
}
