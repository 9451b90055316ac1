package com.flashsale.coupon.gateway.redis;

/** The replicas a primary reports in {@code INFO replication}. */
final class ReplicaLinks {

    private ReplicaLinks() {
    }

    /**
     * Replicas linked and streaming ({@code slaveN:...,state=online,...}); one still copying the data
     * set ({@code wait_bgsave}, {@code send_bulk}) cannot acknowledge anything yet.
     */
    static int online(String info) {
        return (int) info.lines()
                .filter(line -> line.startsWith("slave") && line.indexOf(':') > 0 && line.contains("state=online"))
                .count();
    }
}
