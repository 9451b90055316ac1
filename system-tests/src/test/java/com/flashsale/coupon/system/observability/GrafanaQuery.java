package com.flashsale.coupon.system.observability;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Grafana sends Prometheus for a panel query: its built-in interval variables and the
 * dashboard's template variables replaced by concrete values.
 */
public final class GrafanaQuery {

    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)\\s*$");

    private GrafanaQuery() {
    }

    /**
     * @param rateInterval what {@code $__rate_interval} stands for (Grafana: four scrape intervals at least)
     * @param range the dashboard's time range, for {@code $__range}
     * @param variables template variable name to the value Grafana would put in (for "All": the allValue)
     */
    public static String expand(String expr, Duration rateInterval, Duration range, Map<String, String> variables) {
        String expanded = expr.replace("$__rate_interval", seconds(rateInterval))
                .replace("$__range", seconds(range))
                .replace("$__interval", "1s");
        // Longest names first, so $instance is not cut short by a variable called $inst.
        for (String name : variables.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            expanded = expanded.replace("${" + name + "}", variables.get(name)).replace("$" + name, variables.get(name));
        }
        if (expanded.contains("$")) {
            throw new IllegalArgumentException("Unresolved variable in: " + expanded);
        }
        return expanded;
    }

    /** The selector and label of a {@code label_values(selector, label)} variable query. */
    public static LabelValues labelValues(String variableQuery) {
        Matcher matcher = LABEL_VALUES.matcher(variableQuery);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a label_values(selector, label) query: " + variableQuery);
        }
        return new LabelValues(matcher.group(1).trim(), matcher.group(2));
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + "s";
    }

    public record LabelValues(String selector, String label) {
    }
}
