package com.flashsale.coupon.kit.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a request could have changed, read from both stores, as named readings: two equal
 * fingerprints taken around a set of refused requests show they changed nothing (I6), and the
 * differences say where they did.
 */
public record StoreFingerprint(Map<String, String> readings) {

    public StoreFingerprint {
        readings = new TreeMap<>(readings);
    }

    /** "name: before -> after" for every reading that differs. */
    public List<String> differencesTo(StoreFingerprint after) {
        List<String> differences = new ArrayList<>();
        TreeMap<String, String> names = new TreeMap<>(readings);
        names.putAll(after.readings);
        for (String name : names.keySet()) {
            String before = readings.get(name);
            String now = after.readings.get(name);
            if (!Objects.equals(before, now)) {
                differences.add(name + ": " + before + " -> " + now);
            }
        }
        return differences;
    }
}
