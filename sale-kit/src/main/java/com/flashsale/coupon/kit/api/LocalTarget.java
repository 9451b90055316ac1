package com.flashsale.coupon.kit.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * A base URL on this machine. The kit fires hundreds of simultaneous requests, so it refuses any
 * host that is not loopback: a typo must never turn into load on someone else's server. Names other
 * than {@code localhost} are refused rather than resolved, so DNS cannot redirect the load either.
 * Only {@code http://host:port} is taken: a port 1..65535, no user, path, query or fragment.
 */
public record LocalTarget(URI base) {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    public LocalTarget {
        // User info is left out of every message: it may hold a password.
        if (base.getRawUserInfo() != null) {
            throw new IllegalArgumentException("expected http://host:port without a user or password");
        }
        if (!"http".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("expected http://host:port, got " + base);
        }
        if (!isLoopback(base.getHost())) {
            throw new IllegalArgumentException("refusing " + base
                    + ": load is only sent to this machine (localhost, 127.0.0.0/8, [::1])");
        }
        // Without a port the request would go to 80, where no service of this system listens.
        if (base.getPort() < 1 || base.getPort() > 65_535) {
            throw new IllegalArgumentException("expected http://host:port with a port 1..65535, got " + base);
        }
        // The base is prefixed to every endpoint's path: anything after host:port would change them all.
        if (!base.getRawPath().isEmpty() || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("expected http://host:port and nothing after it (no path, query or"
                    + " fragment), got " + base);
        }
    }

    /** @throws IllegalArgumentException for anything but an http URL of a loopback host */
    public static LocalTarget of(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        String text = uri.toString();
        return new LocalTarget(URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text));
    }

    /** {@code http://127.0.0.1:port}, where the services run under {@code make run} and in the tests. */
    public static LocalTarget port(int port) {
        return of("http://127.0.0.1:" + port);
    }

    public static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost") || IPV4_LOOPBACK.matcher(bare).matches()
                || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1");
    }

    public URI resolve(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /** The host as a socket connects to it: without the brackets of an IPv6 literal. */
    String socketHost() {
        String host = base.getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    int port() {
        return base.getPort();
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
