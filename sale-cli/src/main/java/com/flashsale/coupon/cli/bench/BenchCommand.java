package com.flashsale.coupon.cli.bench;

import com.flashsale.coupon.cli.CouponOptions;
import com.flashsale.coupon.cli.ServerOptions;
import com.flashsale.coupon.cli.ServiceOptions;
import com.flashsale.coupon.cli.lab.Lab;
import com.flashsale.coupon.cli.lab.LabLoad;
import com.flashsale.coupon.events.Topics;
import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.store.StoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code make bench} (through bench/run.sh, which puts a gateway with the {@code bench} profile in
 * place): every measurement of the issue in one run against the system {@code make run} started,
 * each row's CPU time per request process by process, then the lab on the same machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Measure the running system (make run; its gateway with the 'bench' profile, which bench/run.sh"
                + " starts): Redis alone, the constant endpoint, the issue endpoint with stock left, at a fixed rate, in a"
                + " big sale and after sell-out, the worker draining a backlog; each row's CPU time per request of the"
                + " gateway, Redis, Kafka, the worker, MariaDB and the load generator; the invariants of every row that"
                + " sells; then the lab. Writes results.{md,csv,png}.",
                "Exit code: 0 measured and every invariant of the system holds, 1 one fails or a step failed, 2 a wrong"
                        + " command line." })
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "8",
            description = "measured time of each wrk and fixed-rate row (default: ${DEFAULT-VALUE})")
    int durationSeconds;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "20",
            description = "warm-up of each endpoint before either is measured (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "64",
            description = "connections of every generator, clients of the lab (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--wrk-threads", paramLabel = "N", defaultValue = "2", description = "(default: ${DEFAULT-VALUE})")
    int wrkThreads;

    @Option(names = "--members", paramLabel = "N", defaultValue = "200000",
            description = "bench members added to MySQL, ids from " + BenchMembers.FIRST + " (default: ${DEFAULT-VALUE})")
    int members;

    @Option(names = "--fixed-rate", paramLabel = "REQ/S", defaultValue = "0",
            description = "offered rate of the fixed-rate row (default: found from the open loop's busy share in its"
                    + " warm-up and a 3 s probe, to keep the machine well under 60 %% busy)")
    double fixedRate;

    @Option(names = "--sale-quantity", paramLabel = "N", defaultValue = "10000", description = "(default: ${DEFAULT-VALUE})")
    int saleQuantity;

    @Option(names = "--sale-members", paramLabel = "N", defaultValue = "100000", description = "(default: ${DEFAULT-VALUE})")
    int saleMembers;

    @Option(names = "--sale-requests", paramLabel = "N", defaultValue = "200000",
            description = "requests of the big sale, every member asking as often (default: ${DEFAULT-VALUE})")
    int saleRequests;

    @Option(names = "--drain-events", paramLabel = "N", defaultValue = "100000",
            description = "backlog the worker drains (default: ${DEFAULT-VALUE})")
    int drainEvents;

    @Option(names = "--ceiling-requests", paramLabel = "N", defaultValue = "1000000",
            description = "most calls of one redis-benchmark row (default: ${DEFAULT-VALUE})")
    int ceilingRequests;

    @Option(names = "--lab-loads", paramLabel = "LOAD", split = ",", defaultValue = "stock-left,double-clicks",
            description = "the lab's loads, or 'none' (default: ${DEFAULT-VALUE})")
    List<String> labLoads;

    @Option(names = "--lab-coupons", paramLabel = "N", defaultValue = "10000",
            description = "the lab's size: stock left, N members once; double clicks, 2N members twice; N coupons each"
                    + " (default: ${DEFAULT-VALUE})")
    int labCoupons;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results",
            description = "where results.{md,csv,png} go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--conditions", paramLabel = "TEXT", defaultValue = "not recorded",
            description = "what else ran on the machine, written next to the figures")
    String conditions;

    @Option(names = "--keep-members", description = "leave the bench members in MySQL afterwards")
    boolean keepMembers;

    @Option(names = "--issue-script", paramLabel = "FILE",
            defaultValue = "coupon-gateway-service/src/main/resources/scripts/issue.lua",
            description = "the gateway's issue script, run by redis-benchmark (default: ${DEFAULT-VALUE})")
    Path issueScript;

    @Option(names = "--wrk-script", paramLabel = "FILE", defaultValue = "bench/wrk/issue.lua",
            description = "(default: ${DEFAULT-VALUE})")
    Path wrkScript;

    @Option(names = "--tokens-gateway-url", paramLabel = "URL",
            description = "a second bench gateway on the same stores that asks for tokens (bench/run.sh starts it):"
                    + " the constant and the issue endpoint are measured there too, with each member's own token;"
                    + " without it those rows are left out")
    LocalTarget tokensGateway;

    @Option(names = "--issued-topic", paramLabel = "TOPIC", defaultValue = Topics.COUPON_ISSUED,
            description = "(default: ${DEFAULT-VALUE})")
    String issuedTopic;

    @Option(names = "--bench-redis-database", paramLabel = "N", defaultValue = "12",
            description = "Redis database of the redis-benchmark rows (default: ${DEFAULT-VALUE})")
    int benchRedisDatabase;

    @Option(names = "--infra-run-dir", paramLabel = "DIR",
            description = "pid files of Redis, MariaDB and Kafka (default: ${DEFAULT-VALUE}, from $INFRA_HOME)")
    Path infraRunDir;

    @Option(names = "--services-run-dir", paramLabel = "DIR",
            description = "pid file of the worker (default: ${DEFAULT-VALUE}, from $RUN_DIR); the gateway is found by its port")
    Path servicesRunDir;

    @Mixin
    CouponOptions coupon;

    @Mixin
    ServiceOptions services;

    @Mixin
    ServerOptions servers;

    @Override
    public Integer call() throws Exception {
        return new Bench(settings(), services.client(), spec.commandLine().getOut()).run() ? 0 : 1;
    }

    /** Every option read and checked before anything runs: a wrong one is named at once, with exit code 2. */
    BenchSettings settings() {
        coupon.validate(spec);
        require(durationSeconds >= 1 && warmupSeconds >= 0, "--duration must be positive, --warmup not negative");
        require(connections >= 1 && connections <= 1_000, "--connections must be 1..1000 (load stays bounded)");
        require(wrkThreads >= 1 && wrkThreads <= connections, "--wrk-threads must be 1..--connections");
        require(members >= 1 && saleMembers >= 1 && saleMembers <= members, "--sale-members must be 1..--members");
        require(saleQuantity >= 1 && saleQuantity < saleMembers, "--sale-quantity must be 1..--sale-members - 1:"
                + " a sale sells out");
        require(saleRequests >= saleMembers && saleRequests <= 2_000_000, "--sale-requests must be --sale-members..2000000");
        require(drainEvents >= 1 && drainEvents <= members, "--drain-events must be 1..--members");
        require(ceilingRequests >= 1 && fixedRate >= 0 && labCoupons >= 1, "sizes and rates must be positive");
        List<LabLoad> lab;
        try {
            lab = labLoads.equals(List.of("none")) ? List.of() : Lab.loads(labLoads, connections, labCoupons);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--lab-loads: " + e.getMessage() + " (or 'none')");
        }
        LocalTarget gateway = services.gateway();
        StoreSettings store = servers.stores();
        List<Integer> redisPorts = store.redisCluster() ? ports("--redis-cluster-nodes", store.redisClusterNodes())
                : List.of(store.redisPort());
        BenchSettings.Processes processes = new BenchSettings.Processes(infraRunDir, servicesRunDir, port(gateway),
                port(services.worker()), redisPorts, store.redisCluster(), store.mysqlPort(),
                ports("--kafka", servers.bootstrapServers()));
        Optional<BenchSettings.Tokens> tokens = Optional.ofNullable(tokensGateway)
                .map(target -> new BenchSettings.Tokens(target, services.tokenIssuer()));
        return new BenchSettings(store, servers.bootstrapServers(), issuedTopic, coupon.couponCode(),
                benchRedisDatabase, issueScript, wrkScript, wrkThreads, connections,
                Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds), members, ceilingRequests,
                saleQuantity, saleMembers, saleRequests, drainEvents, fixedRate, out, conditions, keepMembers, lab,
                servers.lab(), processes, tokens);
    }

    private void require(boolean holds, String problem) {
        if (!holds) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }

    private static int port(LocalTarget target) {
        return target.base().getPort() < 0 ? 80 : target.base().getPort();
    }

    /** The ports of a {@code host:port,...} list. */
    private List<Integer> ports(String option, String servers) {
        try {
            return Arrays.stream(servers.split(",")).map(String::trim)
                    .map(server -> Integer.parseInt(server.substring(server.lastIndexOf(':') + 1))).toList();
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), option + ": expected host:port,..., got '" + servers + "'");
        }
    }
}
