package com.flashsale.coupon.kit.store;

import java.util.Map;

/**
 * Where the stores are. {@link #fromEnvironment} reads the same variables the services and scripts
 * read, with the same defaults, so a check looks at exactly the database and Redis the services use.
 */
public record StoreSettings(String mysqlHost, int mysqlPort, String mysqlDatabase, String mysqlUser,
        String mysqlPassword, String redisHost, int redisPort, int redisDatabase, String redisPassword) {

    /** @throws IllegalArgumentException naming a variable that should be a number and is not */
    public static StoreSettings fromEnvironment(Map<String, String> env) {
        return new StoreSettings(
                value(env, "MYSQL_HOST", "127.0.0.1"),
                number(env, "MYSQL_PORT", 3306),
                value(env, "MYSQL_DATABASE", "coupon"),
                value(env, "MYSQL_USER", "coupon"),
                value(env, "MYSQL_PASSWORD", "coupon"),
                value(env, "REDIS_HOST", "127.0.0.1"),
                number(env, "REDIS_PORT", 6379),
                number(env, "REDIS_DATABASE", 0),
                value(env, "REDIS_PASSWORD", ""));
    }

    public String jdbcUrl() {
        return "jdbc:mysql://" + mysqlHost + ":" + mysqlPort + "/" + mysqlDatabase
                + "?allowPublicKeyRetrieval=true&useSSL=false&connectTimeout=5000&socketTimeout=30000";
    }

    public String describe() {
        return "MySQL " + mysqlHost + ":" + mysqlPort + "/" + mysqlDatabase + ", Redis " + redisHost + ":" + redisPort
                + " db " + redisDatabase;
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = value(env, name, Integer.toString(fallback));
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }
}
