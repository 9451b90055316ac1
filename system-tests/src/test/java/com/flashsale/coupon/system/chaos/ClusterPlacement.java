package com.flashsale.coupon.system.chaos;

import com.flashsale.coupon.events.LedgerKeys;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which node of the local Redis Cluster serves the drill's coupon, and its replica, as {@code cluster.sh} sees it. */
record ClusterPlacement(int slot, int primary, int replica) {

    private static final Pattern LINE = Pattern.compile("slot=(\\d+) primary=127\\.0\\.0\\.1:(\\d+) replicas=127\\.0\\.0\\.1:(\\d+)");

    static ClusterPlacement of(ChaosRun run) {
        String line = run.servers().cluster("redis-primary", LedgerKeys.forCoupon(ChaosRun.COUPON).stock());
        Matcher matcher = LINE.matcher(line);
        if (!matcher.find()) {
            throw new IllegalStateException("cluster.sh redis-primary printed no primary with a replica: " + line);
        }
        return new ClusterPlacement(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    static String node(int port) {
        return "redis-cluster:" + port;
    }
}
