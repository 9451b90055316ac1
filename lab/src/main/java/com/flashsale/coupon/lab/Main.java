package com.flashsale.coupon.lab;

import com.flashsale.coupon.lab.baseline.LabCommand;
import com.flashsale.coupon.lab.baseline.LabLoad;
import com.flashsale.coupon.lab.bench.BenchCommand;
import java.util.List;

/**
 * Usage: {@code java -jar lab.jar lab|bench [--name=value ...]}.
 * {@code lab} runs the seed's phases as baselines on its loads; {@code bench} measures the running
 * system (see bench/run.sh, which {@code make bench} calls) and runs the lab as part of it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        Work work;
        try {
            // Every option is read here, before any work starts: a wrong one is named, not a stack trace.
            Options options = Options.parse(args, Math.min(1, args.length));
            work = switch (command) {
                case "lab" -> {
                    List<LabLoad> loads = LabCommand.loads(options);
                    yield () -> LabCommand.printAndWrite(LabCommand.run(loads), options);
                }
                case "bench" -> BenchCommand.from(options)::run;
                default -> throw new IllegalArgumentException("expected 'lab' or 'bench', got '" + command + "'");
            };
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        work.run();
        // Kafka and Redisson leave non-daemon threads behind on some paths; the work is done.
        System.exit(0);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void usage(String problem) {
        System.err.println("lab.jar: " + problem);
        System.err.println("usage: java -jar lab.jar lab|bench [--name=value ...]");
        System.exit(2);
    }
}
