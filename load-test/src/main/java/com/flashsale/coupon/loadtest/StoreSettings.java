package com.flashsale.coupon.loadtest;

import java.util.Map;

/**
 * Where the stores are, read from the same environment variables the services read, with the same
 * defaults, so the check looks at exactly the database and Redis the services use.
 */
record StoreSettings(String mysqlHost, int mysqlPort, String mysqlDatabase, String mysqlUser, String mysqlPassword,
        String redisHost, int redisPort, int redisDatabase, String redisPassword) {

    static StoreSettings from(Map<String, String> env) {
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

    String jdbcUrl() {
        return "jdbc:mysql://" + mysqlHost + ":" + mysqlPort + "/" + mysqlDatabase
                + "?allowPublicKeyRetrieval=true&useSSL=false&connectTimeout=5000&socketTimeout=30000";
    }

    String describe() {
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
            throw new UsageException(name + " must be a number, got '" + value + "'");
        }
    }
}
