package com.flashsale.coupon.loadtest;

import com.flashsale.coupon.events.LedgerKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One parsed command line. Defaults are the seed's scenario against {@code make run}. */
record Options(Command command, LocalTarget gateway, LocalTarget worker, String adminToken, String couponCode,
        int members, int quantity, Duration settleTimeout, Optional<Path> answersFile, Optional<Path> summaryFile,
        StoreSettings stores) {

    /** One request per member, all in flight at once: this bounds the connections one run opens. */
    static final int MAX_MEMBERS = 5_000;

    static final String USAGE = """
            usage: java -jar load-test.jar <command> [options]
            commands:
              run       %s
              reset     %s
              fire      %s
              verify    %s
            options:
              --gateway-url URL      gateway base URL, loopback only (default http://127.0.0.1:8080)
              --worker-url URL       worker base URL, loopback only (default http://127.0.0.1:8081)
              --admin-token TOKEN    X-Admin-Token for the operator endpoints (default $COUPON_ADMIN_TOKEN;
                                     not needed under the local profile)
              --coupon CODE          coupon on sale (default FLASH100)
              --members N            members 1..N ask once each, at one instant (default 500)
              --quantity N           the coupon's quantity: set by run/reset, expected by fire (default 100)
              --settle-timeout SEC   longest wait for the worker to persist everything (default 60)
              --answers FILE         verify: also check the answers another runner (k6) summarised in FILE
              --summary-file FILE    run/fire: write the answers and results as JSON to FILE
            stores, from the environment like the services: MYSQL_HOST, MYSQL_PORT, MYSQL_DATABASE, MYSQL_USER,
            MYSQL_PASSWORD, REDIS_HOST, REDIS_PORT, REDIS_DATABASE, REDIS_PASSWORD
            exit code: 0 the outcome is right, 1 it is wrong or a step failed, 2 bad arguments
            """.formatted(Command.RUN.description, Command.RESET.description, Command.FIRE.description,
            Command.VERIFY.description);

    static Options parse(List<String> arguments, Map<String, String> env) {
        Deque<String> args = new ArrayDeque<>(arguments);
        if (args.isEmpty()) {
            throw new UsageException("no command given");
        }
        Command command = Command.of(args.pop());
        String gateway = "http://127.0.0.1:8080";
        String worker = "http://127.0.0.1:8081";
        String token = env.getOrDefault("COUPON_ADMIN_TOKEN", "");
        String coupon = "FLASH100";
        int members = 500;
        int quantity = 100;
        int settleSeconds = 60;
        Path answers = null;
        Path summary = null;
        while (!args.isEmpty()) {
            String option = args.pop();
            switch (option) {
                case "--gateway-url" -> gateway = valueOf(option, args);
                case "--worker-url" -> worker = valueOf(option, args);
                case "--admin-token" -> token = valueOf(option, args);
                case "--coupon" -> coupon = valueOf(option, args);
                case "--members" -> members = positive(option, valueOf(option, args));
                case "--quantity" -> quantity = positive(option, valueOf(option, args));
                case "--settle-timeout" -> settleSeconds = positive(option, valueOf(option, args));
                case "--answers" -> answers = Path.of(valueOf(option, args));
                case "--summary-file" -> summary = Path.of(valueOf(option, args));
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (members > MAX_MEMBERS) {
            throw new UsageException("--members is at most " + MAX_MEMBERS + ": the runner's load stays bounded");
        }
        if (!LedgerKeys.isValidCouponCode(coupon)) {
            throw new UsageException("invalid coupon code: " + coupon);
        }
        return new Options(command, LocalTarget.of(gateway), LocalTarget.of(worker), token, coupon, members,
                quantity, Duration.ofSeconds(settleSeconds), Optional.ofNullable(answers), Optional.ofNullable(summary),
                StoreSettings.from(env));
    }

    private static String valueOf(String option, Deque<String> args) {
        if (args.isEmpty() || args.peek().startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.pop();
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a positive number, got '" + value + "'");
    }
}
