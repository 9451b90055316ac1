package com.flashsale.coupon.lab.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;

/** How many answers had each HTTP status. */
public record Statuses(Map<Integer, Long> counts) {

    static Statuses of(AtomicLongArray byStatus) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (int status = 0; status < byStatus.length(); status++) {
            if (byStatus.get(status) > 0) {
                counts.put(status, byStatus.get(status));
            }
        }
        return new Statuses(counts);
    }

    public long count(int status) {
        return counts.getOrDefault(status, 0L);
    }

    @Override
    public String toString() {
        return counts.entrySet().stream().map(e -> e.getKey() + "x" + e.getValue()).collect(Collectors.joining(" "));
    }
}
