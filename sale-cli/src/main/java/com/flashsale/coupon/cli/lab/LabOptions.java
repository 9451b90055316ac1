package com.flashsale.coupon.cli.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Which lab loads run, and how big each is. */
final class LabOptions {

    static final String STOCK_LEFT = "stock-left";
    static final String DOUBLE_CLICKS = "double-clicks";

    @Option(names = "--loads", paramLabel = "LOAD", split = ",", defaultValue = STOCK_LEFT + "," + DOUBLE_CLICKS,
            description = "the loads, in this order: " + STOCK_LEFT + " and/or " + DOUBLE_CLICKS + " (default: ${DEFAULT-VALUE})")
    List<String> loads;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "64",
            description = "concurrent clients of every load (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--stock-left-members", paramLabel = "N", defaultValue = "10000",
            description = "stock left: members asking once each, for as many coupons (default: ${DEFAULT-VALUE})")
    int stockLeftMembers;

    @Option(names = "--stock-left-time-limit", paramLabel = "SECONDS", defaultValue = "20",
            description = "stock left: a baseline still running then is stopped (default: ${DEFAULT-VALUE})")
    int stockLeftSeconds;

    @Option(names = "--members", paramLabel = "N", defaultValue = "20000",
            description = "double clicks: members asking twice at once (default: ${DEFAULT-VALUE})")
    int members;

    @Option(names = "--stock", paramLabel = "N", defaultValue = "10000",
            description = "double clicks: coupons (default: ${DEFAULT-VALUE})")
    int stock;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "30",
            description = "double clicks: a baseline still running then is stopped (default: ${DEFAULT-VALUE})")
    int seconds;

    /** @throws ParameterException (exit code 2) naming what cannot be run */
    List<LabLoad> loads(CommandSpec spec) {
        if (clients < 1 || stockLeftMembers < 1 || members < 1 || stock < 1 || stockLeftSeconds < 1 || seconds < 1) {
            throw new ParameterException(spec.commandLine(), "every lab size and time limit must be positive");
        }
        try {
            return loads(loads, clients, stockLeftMembers, Duration.ofSeconds(stockLeftSeconds), members, stock,
                    Duration.ofSeconds(seconds));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The named loads, in the order given: "stock left" (every attempt a new member, so every attempt
     * issues) and "double clicks" (every member asks twice at once, past sell-out).
     *
     * @throws IllegalArgumentException naming a load it does not know
     */
    static List<LabLoad> loads(List<String> names, int clients, int stockLeftMembers, Duration stockLeftLimit,
            int members, int stock, Duration limit) {
        List<LabLoad> loads = new ArrayList<>();
        for (String name : names) {
            loads.add(switch (name.trim()) {
                case STOCK_LEFT -> LabLoad.stockLeft(clients, stockLeftMembers, stockLeftLimit);
                case DOUBLE_CLICKS -> LabLoad.doubleClicks(clients, members, stock, limit);
                default -> throw new IllegalArgumentException("lab loads are " + STOCK_LEFT + " and/or " + DOUBLE_CLICKS
                        + ", got '" + name + "'");
            });
        }
        return loads;
    }
}
