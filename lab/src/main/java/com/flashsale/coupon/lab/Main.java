package com.flashsale.coupon.lab;

import com.flashsale.coupon.lab.baseline.LabCommand;
import com.flashsale.coupon.lab.bench.BenchCommand;

/**
 * Usage: {@code java -jar lab.jar lab|bench [--name=value ...]}.
 * {@code lab} runs the seed's phases as baselines on one load; {@code bench} measures the running
 * system (see bench/run.sh, which {@code make bench} calls) and runs the lab as part of it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        Options options = Options.parse(args, Math.min(1, args.length));
        switch (command) {
            case "lab" -> LabCommand.printAndWrite(LabCommand.run(options), options);
            case "bench" -> BenchCommand.run(options);
            default -> {
                System.err.println("usage: java -jar lab.jar lab|bench [--name=value ...]");
                System.exit(2);
            }
        }
        // Kafka and Redisson leave non-daemon threads behind on some paths; the work is done.
        System.exit(0);
    }
}
