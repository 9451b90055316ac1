package com.flashsale.coupon.lab;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} arguments, each with a default. */
public record Options(Map<String, String> values) {

    public static Options parse(String[] args, int from) {
        Map<String, String> values = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return new Options(values);
    }

    /** The options whose names start with {@code prefix}, named without it. */
    public Options withPrefix(String prefix) {
        Map<String, String> scoped = new HashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                scoped.put(name.substring(prefix.length()), value);
            }
        });
        return new Options(scoped);
    }

    /** These options, with {@code name} set to {@code value} unless it is set already. */
    public Options withDefault(String name, Object value) {
        Map<String, String> merged = new HashMap<>(values);
        merged.putIfAbsent(name, value.toString());
        return new Options(merged);
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        if (!values.containsKey(name)) {
            return fallback;
        }
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": expected a whole number, got '" + values.get(name) + "'");
        }
    }

    public Duration seconds(String name, int fallback) {
        return Duration.ofSeconds(integer(name, fallback));
    }
}
