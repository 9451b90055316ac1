package com.flashsale.coupon.loadtest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * A base URL on this machine. The runner fires hundreds of simultaneous requests, so it refuses any
 * host that is not loopback: a typo must never turn into load on someone else's server. Names other
 * than {@code localhost} are refused rather than resolved, so DNS cannot redirect the load either.
 */
record LocalTarget(URI base) {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    static LocalTarget of(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UsageException("not a URL: " + url);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new UsageException("expected http://host:port, got " + url);
        }
        if (!isLoopback(uri.getHost())) {
            throw new UsageException("refusing " + url + ": load is only sent to this machine (localhost, 127.0.0.0/8, [::1])");
        }
        String text = uri.toString();
        return new LocalTarget(URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text));
    }

    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost") || IPV4_LOOPBACK.matcher(bare).matches()
                || bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1");
    }

    URI resolve(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
