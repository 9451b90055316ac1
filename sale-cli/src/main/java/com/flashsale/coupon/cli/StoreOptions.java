package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.store.StoreSettings;
import picocli.CommandLine.Option;

/** Where the stores are, read directly: the check must not trust the services it checks. */
public final class StoreOptions {

    @Option(names = "--mysql-host", paramLabel = "HOST", description = "(default: ${DEFAULT-VALUE}, from $MYSQL_HOST)")
    String mysqlHost;

    @Option(names = "--mysql-port", paramLabel = "PORT", converter = OptionValues.Port.class,
            description = "(default: ${DEFAULT-VALUE}, from $MYSQL_PORT)")
    int mysqlPort;

    @Option(names = "--mysql-database", paramLabel = "NAME",
            description = "(default: ${DEFAULT-VALUE}, from $MYSQL_DATABASE)")
    String mysqlDatabase;

    @Option(names = "--mysql-user", paramLabel = "USER", description = "(default: ${DEFAULT-VALUE}, from $MYSQL_USER)")
    String mysqlUser;

    @Option(names = "--mysql-password", paramLabel = "PASSWORD", description = "(default: $MYSQL_PASSWORD)")
    String mysqlPassword;

    @Option(names = "--redis-host", paramLabel = "HOST", description = "(default: ${DEFAULT-VALUE}, from $REDIS_HOST)")
    String redisHost;

    @Option(names = "--redis-port", paramLabel = "PORT", converter = OptionValues.Port.class,
            description = "(default: ${DEFAULT-VALUE}, from $REDIS_PORT)")
    int redisPort;

    @Option(names = "--redis-database", paramLabel = "N", converter = OptionValues.RedisDatabase.class,
            description = "0..15 (default: ${DEFAULT-VALUE}, from $REDIS_DATABASE)")
    int redisDatabase;

    @Option(names = "--redis-password", paramLabel = "PASSWORD", description = "(default: $REDIS_PASSWORD)")
    String redisPassword;

    @Option(names = "--redis-cluster-nodes", paramLabel = "HOST:PORT,...", converter = OptionValues.ClusterNodes.class,
            description = "a Redis Cluster instead of --redis-host and --redis-port (default: $REDIS_CLUSTER_NODES"
                    + " when $REDIS_MODE is cluster)")
    String redisClusterNodes;

    public StoreSettings settings() {
        return new StoreSettings(mysqlHost, mysqlPort, mysqlDatabase, mysqlUser, mysqlPassword, redisHost, redisPort,
                redisDatabase, redisPassword == null ? "" : redisPassword, redisClusterNodes);
    }
}
