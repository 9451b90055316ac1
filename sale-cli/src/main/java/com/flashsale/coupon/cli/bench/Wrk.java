package com.flashsale.coupon.cli.bench;

import com.flashsale.coupon.kit.api.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (closed loop: each connection sends its next request when the previous answer arrived) with
 * bench/wrk/issue.lua, which asks for a different member on every request: by the memberId in the
 * body, or by each member's own bearer token.
 */
record Wrk(String script, int threads, int connections) {

    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(ms|s|m)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    Result run(String url, Duration duration, String couponCode, long firstMember, long memberCount)
            throws IOException, InterruptedException {
        return run(url, duration, List.of(couponCode, Long.toString(firstMember), Long.toString(memberCount),
                Integer.toString(threads)));
    }

    /**
     * The same with each request carrying the next token of {@code tokens} (one member's each, no
     * memberId in the body), every one once before any repeats: the file replaces the member range,
     * which the script then does not read.
     */
    Result runWithTokens(String url, Duration duration, String couponCode, Path tokens)
            throws IOException, InterruptedException {
        return run(url, duration, List.of(couponCode, "-", "-", Integer.toString(threads), tokens.toString()));
    }

    private Result run(String url, Duration duration, List<String> scriptArguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--latency", "--timeout", "5s", "-s", script, url, "--"));
        command.addAll(scriptArguments);
        return parse(Tools.run(command, duration.toSeconds() + 30));
    }

    static Result parse(String output) {
        double p50 = 0;
        double p99 = 0;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double millis = toMillis(Double.parseDouble(percentile.group(2)), percentile.group(3));
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        Matcher requests = REQUESTS.matcher(output);
        if (!requests.find()) {
            throw new IllegalStateException("cannot read wrk's output:\n" + output);
        }
        long count = Long.parseLong(requests.group(1));
        double seconds = toMillis(Double.parseDouble(requests.group(2)), requests.group(3)) / 1000.0;
        Matcher non2xx = NON_2XX.matcher(output);
        long refused = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        Matcher socket = SOCKET_ERRORS.matcher(output);
        long connectErrors = 0;
        long lost = 0;
        if (socket.find()) {
            connectErrors = Long.parseLong(socket.group(1));
            for (int g = 2; g <= 4; g++) {
                lost += Long.parseLong(socket.group(g));
            }
        }
        return new Result(count, seconds, p50, p99, refused, connectErrors, lost);
    }

    private static double toMillis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000.0;
            case "ms" -> value;
            case "s" -> value * 1000.0;
            case "m" -> value * 60_000.0;
            default -> throw new IllegalArgumentException(unit);
        };
    }

    /**
     * @param non2xx answers other than 2xx (refusals)
     * @param connectErrors connections that could not be made: nothing was sent on them
     * @param lost requests sent and not answered (read and write errors, timeouts): wrk does not count them
     */
    record Result(long requests, double seconds, double p50, double p99, long non2xx, long connectErrors, long lost) {

        long socketErrors() {
            return connectErrors + lost;
        }

        double throughput() {
            return requests / seconds;
        }

        long ok() {
            return requests - non2xx;
        }

        /**
         * The answers as outcomes, for the invariant checks. wrk reads no bodies (reading them would
         * cost the generator CPU the cost table counts), so a non-2xx answer is taken for
         * {@code refusal}, the one the row expects, up to {@code expected} of them, and counted as
         * {@link Outcome#REFUSED} (a refusal the row does not expect) beyond: with stock left, only a
         * repeated member may be refused. Unknown: the requests lost to socket errors, and those still
         * in flight when wrk stopped (one per connection at most), which it does not wait for.
         */
        Map<Outcome, Long> outcomes(Outcome refusal, long expected, int connections) {
            Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
            outcomes.put(Outcome.ISSUED, ok());
            long expectedRefusals = Math.min(non2xx, expected);
            outcomes.merge(refusal, expectedRefusals, Long::sum);
            outcomes.merge(Outcome.REFUSED, non2xx - expectedRefusals, Long::sum);
            outcomes.put(Outcome.UNKNOWN, lost + connections);
            return outcomes;
        }

        /** Distinct members asked: bench/wrk/issue.lua asks each of {@code members} once before it repeats one. */
        long distinctMembers(long members) {
            return Math.min(requests, members);
        }
    }
}
