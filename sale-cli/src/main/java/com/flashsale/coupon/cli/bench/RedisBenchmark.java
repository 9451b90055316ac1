package com.flashsale.coupon.cli.bench;

import com.flashsale.coupon.cli.bench.cpu.CpuMeter;
import com.flashsale.coupon.events.LedgerKeys;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ceiling: redis-benchmark running the gateway's own issue script (read from its source), with
 * the same key shape, against a campaign of its own in the bench's Redis database. Every call draws
 * a random member, so while stock remains nearly every call issues (DECR, ZADD, XADD), as the
 * gateway's contended phase does; with the stock at 0 every call takes the sold-out path.
 */
record RedisBenchmark(Path issueScript, String host, int port, int database, int clients) {

    static final String COUPON = "BENCHCEILING";

    /**
     * One row: the campaign set up with this stock, then the calls, measured by {@code meter} from the
     * tool's start to its exit (the set-up and the clean-up around it are not in the window).
     */
    CpuMeter.Measured<Result> run(RedisCommands<String, String> redis, long stock, int requests, CpuMeter meter)
            throws Exception {
        LedgerKeys keys = LedgerKeys.forCoupon(COUPON);
        // Same database as `redis` must be selected by the caller's connection: the bench's own.
        redis.del(keys.campaign(), keys.stock(), keys.issued(), keys.outbox());
        redis.hset(keys.campaign(), Map.of("id", "999", "quantity", Long.toString(stock), "status", "ACTIVE",
                "startsAt", "0", "endsAt", ""));
        redis.set(keys.stock(), Long.toString(stock));
        String sha = redis.scriptLoad(Files.readString(issueScript));
        List<String> command = new ArrayList<>(List.of("redis-benchmark", "-h", host, "-p", Integer.toString(port),
                "--dbnum", Integer.toString(database), "-c", Integer.toString(clients), "-n", Integer.toString(requests),
                "-r", "100000000", "--csv", "EVALSHA", sha, "4", keys.campaign(), keys.stock(), keys.issued(),
                keys.outbox(), "__rand_int__", Long.toString(System.currentTimeMillis())));
        CpuMeter.Measured<String> output = meter.measure(() -> Tools.run(command, 300));
        long issued = redis.zcard(keys.issued());
        redis.del(keys.campaign(), keys.stock(), keys.issued(), keys.outbox());
        return new CpuMeter.Measured<>(parse(output.result(), issued), output.window());
    }

    /** The CSV line after the header: "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms". */
    static Result parse(String output, long issued) {
        for (String line : output.split("\n")) {
            if (line.startsWith("\"EVALSHA")) {
                String[] fields = line.split("\",\"");
                return new Result(Double.parseDouble(fields[1]), Double.parseDouble(fields[4]),
                        Double.parseDouble(fields[6]), issued);
            }
        }
        throw new IllegalStateException("cannot read redis-benchmark's output:\n" + output);
    }

    record Result(double throughput, double p50, double p99, long issued) {
    }
}
