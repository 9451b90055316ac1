package com.flashsale.coupon.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Who asked in the sale being checked, and how long the check waits for the system to settle. */
final class CheckOptions {

    /** One request per member, all in flight at once: this bounds the connections one run opens. */
    static final int MAX_MEMBERS = 5_000;

    @Option(names = "--members", paramLabel = "N", defaultValue = "500",
            description = "members 1..N ask once each, at one instant (default: ${DEFAULT-VALUE}, at most " + MAX_MEMBERS + ")")
    int members;

    @Option(names = "--settle-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "longest wait for the worker to persist everything (default: ${DEFAULT-VALUE})")
    int settleSeconds;

    @Option(names = "--quiet-period", paramLabel = "SECONDS", defaultValue = "2",
            description = "settled: the outbox empty and the stores unchanged this long (default: ${DEFAULT-VALUE})")
    int quietSeconds;

    /** @throws ParameterException (exit code 2) for values that cannot be run safely */
    void validate(CommandSpec spec) {
        if (members < 1 || members > MAX_MEMBERS) {
            throw new ParameterException(spec.commandLine(), "--members must be 1.." + MAX_MEMBERS
                    + " (the run's load stays bounded), got " + members);
        }
        if (settleSeconds < 1 || quietSeconds < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--settle-timeout must be positive and --quiet-period not negative");
        }
    }

    Duration settleTimeout() {
        return Duration.ofSeconds(settleSeconds);
    }

    Duration quietPeriod() {
        return Duration.ofSeconds(quietSeconds);
    }
}
