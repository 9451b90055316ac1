package com.flashsale.coupon.cli;

import java.math.BigDecimal;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Who asked in the sale being checked, and how long the check waits for the system to settle. */
final class CheckOptions {

    /** One request per member, all in flight at once: this bounds the connections one run opens. */
    static final int MAX_MEMBERS = 5_000;

    @Option(names = "--members", paramLabel = "N", defaultValue = "500",
            description = "members 1..N ask once each, at one instant (default: ${DEFAULT-VALUE}, at most " + MAX_MEMBERS
                    + " and no more than the active members the system has)")
    int members;

    @Option(names = "--settle-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "longest wait for the worker to persist everything (default: ${DEFAULT-VALUE})")
    int settleSeconds;

    @Option(names = "--quiet-period", paramLabel = "SECONDS", defaultValue = "2",
            description = "settled: nothing left on its way and the stores unchanged this long; at least 0.001 and less"
                    + " than --settle-timeout, fractions allowed (default: ${DEFAULT-VALUE})")
    BigDecimal quietSeconds;

    /** The finest quiet period that can be told from none: the settle reads the stores in milliseconds. */
    private static final BigDecimal MILLISECOND = new BigDecimal("0.001");

    /** @throws ParameterException (exit code 2) for values that cannot be run safely */
    void validate(CommandSpec spec) {
        if (members < 1 || members > MAX_MEMBERS) {
            throw new ParameterException(spec.commandLine(), "--members must be 1.." + MAX_MEMBERS
                    + " (the run's load stays bounded), got " + members);
        }
        if (settleSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--settle-timeout must be positive, got " + settleSeconds);
        }
        // A quiet period of 0 declares the sale settled before the worker could persist anything; one as long as
        // the timeout can never be observed within it.
        // Compared as given, in seconds: no rounding to milliseconds can turn a value into another one.
        if (quietSeconds.compareTo(MILLISECOND) < 0 || quietSeconds.compareTo(BigDecimal.valueOf(settleSeconds)) >= 0) {
            throw new ParameterException(spec.commandLine(), "--quiet-period must be at least 0.001 and less than"
                    + " --settle-timeout (" + settleSeconds + " s), got " + quietSeconds.toPlainString());
        }
    }

    Duration settleTimeout() {
        return Duration.ofSeconds(settleSeconds);
    }

    Duration quietPeriod() {
        return Duration.ofMillis(quietSeconds.movePointRight(3).longValue()); // validated: 1 ms .. the timeout
    }
}
