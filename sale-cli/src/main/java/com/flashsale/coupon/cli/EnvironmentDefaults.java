package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.store.StoreSettings;
import com.flashsale.coupon.kit.token.TokenIssuer;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Defaults from the environment the scripts and the services read (GATEWAY_PORT, WORKER_PORT,
 * AUTH_KEY_DIR, AUTH_ISSUER, AUTH_AUDIENCES, MYSQL_*, REDIS_*, KAFKA_PORT, COUPON_KAFKA_ISSUEDTOPIC, COUPON_KAFKA_GROUPID,
 * INFRA_HOME, RUN_DIR), with the services' and
 * scripts' own defaults, so the command line looks at exactly the system {@code make run} started.
 * Options override them.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    private final Map<String, String> env;

    EnvironmentDefaults(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        return switch (option.longestName()) {
            case "--gateway-url" -> "http://127.0.0.1:" + value("GATEWAY_PORT", "8080");
            case "--worker-url" -> "http://127.0.0.1:" + value("WORKER_PORT", "8081");
            case "--key-dir" -> value("AUTH_KEY_DIR", TokenOptions.DEFAULT_KEY_DIRECTORY);
            case "--token-issuer" -> value("AUTH_ISSUER", TokenIssuer.DEVELOPMENT_ISSUER);
            case "--token-audience" -> value("AUTH_AUDIENCES", TokenIssuer.AUDIENCE).split(",")[0].trim();
            case "--mysql-host" -> stores(option).mysqlHost();
            case "--mysql-port" -> Integer.toString(stores(option).mysqlPort());
            case "--mysql-database" -> stores(option).mysqlDatabase();
            case "--mysql-user" -> stores(option).mysqlUser();
            case "--mysql-password" -> stores(option).mysqlPassword();
            case "--redis-host" -> stores(option).redisHost();
            case "--redis-port" -> Integer.toString(stores(option).redisPort());
            case "--redis-database" -> Integer.toString(stores(option).redisDatabase());
            case "--redis-password" -> stores(option).redisPassword();
            case "--redis-cluster-nodes" -> stores(option).redisClusterNodes();
            case "--kafka" -> value("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + value("KAFKA_PORT", "9092"));
            // The worker's own variables for its coupon.kafka settings (relaxed binding, as compose sets them);
            // unset, the option's default, the worker's.
            case "--issued-topic" -> env.get("COUPON_KAFKA_ISSUEDTOPIC");
            case "--worker-group" -> env.get("COUPON_KAFKA_GROUPID");
            // Where scripts/infra/start.sh and scripts/services.sh keep their pid files.
            case "--infra-run-dir" -> value("INFRA_HOME", ".local/infra") + "/run";
            case "--services-run-dir" -> value("RUN_DIR", ".local/run");
            default -> null;
        };
    }

    private StoreSettings stores(OptionSpec option) {
        try {
            return StoreSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(option.command().commandLine(), e.getMessage());
        }
    }

    private String value(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
