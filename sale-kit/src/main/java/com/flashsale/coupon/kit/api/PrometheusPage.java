package com.flashsale.coupon.kit.api;

import java.util.OptionalDouble;

/** Reads samples out of the Prometheus text format a service's {@code /actuator/prometheus} serves. */
final class PrometheusPage {

    private PrometheusPage() {
    }

    static OptionalDouble sum(String page, String name, String labels) {
        double sum = 0;
        boolean found = false;
        for (String line : page.lines().toList()) {
            boolean sample = line.startsWith(name + "{") || line.startsWith(name + " ");
            if (sample && line.contains(labels)) {
                try {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                } catch (NumberFormatException e) {
                    // A sample with a timestamp or an unexpected shape: not one of ours.
                }
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }
}
