package com.flashsale.coupon.cli.bench;

import com.flashsale.coupon.cli.lab.LabLoad;
import com.flashsale.coupon.cli.lab.LabServers;
import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.store.StoreSettings;
import com.flashsale.coupon.kit.token.TokenIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything one bench run needs, read from the command line before anything runs.
 * {@code ceilingRequests} caps the calls of one redis-benchmark row (otherwise sized to last
 * {@code duration}); {@code fixedRate} 0 lets the bench choose it from the issue row's cost.
 */
record BenchSettings(StoreSettings stores, String kafkaBootstrap, String issuedTopic, String couponCode,
        int benchRedisDatabase, Path issueScript, Path wrkScript, int wrkThreads, int connections, Duration warmup,
        Duration duration, int members, int ceilingRequests, int saleQuantity, int saleMembers, int saleRequests,
        int drainEvents, double fixedRate, Path out, String conditions, boolean keepMembers, List<LabLoad> labLoads,
        LabServers labServers, Processes processes, Optional<Tokens> tokens) {

    static final int UNLIMITED_STOCK = 10_000_000;

    /**
     * Where each measured process is found: the pid files of the scripts that started them, and the
     * ports they listen on when there is no pid file (the bench gateway) or it is stale. On a Redis
     * Cluster or the three local brokers every node is measured, and their times add up.
     */
    record Processes(Path infraRunDir, Path servicesRunDir, int gatewayPort, int workerPort, List<Integer> redisPorts,
            boolean redisCluster, int mysqlPort, List<Integer> kafkaPorts) {
    }

    /**
     * The second bench gateway, the one that asks for tokens (bench/run.sh starts it beside the trusting
     * one, on the same stores), and the key its tokens are signed with.
     */
    record Tokens(LocalTarget gateway, TokenIssuer issuer) {

        int port() {
            return gateway.base().getPort() < 0 ? 80 : gateway.base().getPort();
        }
    }
}
