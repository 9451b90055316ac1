package com.flashsale.coupon.cli.bench.cpu;

/** What a measured process does in the run: the system's parts, and the load generator. */
public enum Role {
    GATEWAY("gateway"),
    REDIS("Redis"),
    KAFKA("Kafka"),
    WORKER("worker"),
    MARIADB("MariaDB"),
    /** wrk, redis-benchmark or this JVM's own load engine: the bench's process and the tools it runs. */
    GENERATOR("load generator");

    private final String title;

    Role(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** One of the system's own processes, not the load generator. */
    public boolean system() {
        return this != GENERATOR;
    }
}
