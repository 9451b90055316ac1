package com.flashsale.coupon.loadtest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What one invocation does. {@code run} is the whole JVM runner; the others are its steps, for other runners. */
enum Command {

    RUN("reset the sale, fire the flash-sale scenario, then verify the answers and the stores"),
    RESET("set the coupon's quantity and reset the sale through the worker's operator endpoints"),
    FIRE("fire the flash-sale scenario and check the answers, without reset or store checks"),
    VERIFY("wait until the system has settled, then verify the stores (and another runner's answers with --answers)");

    final String description;

    Command(String description) {
        this.description = description;
    }

    static Command of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown command '" + name + "'; expected one of " + Arrays.stream(values())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }
}
