package com.flashsale.coupon.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The request limits of the member API, all kept in this process: no limit costs a Redis round trip.
 * Each allows {@code requests} per {@code period}, refilled continuously, and as many at once; the
 * defaults are in {@code application.yml}.
 *
 * @param perMember per member named by a token, after its signature was checked (with tokens only:
 *        without them nobody is known to be anyone)
 * @param perAddress per client address: the address a trusted proxy forwarded (Tomcat's remote IP
 *        handling, {@code server.tomcat.remoteip.*}), otherwise the peer's
 * @param perReplica every request this gateway replica admits, whoever sends it: the ceiling that
 *        keeps it answering instead of queueing
 * @param maximumKeys members or addresses tracked at most per limit; the least recently seen are
 *        dropped first (a dropped member or address starts again with a full allowance)
 * @param retryAfterJitter at most this much is added at random to each {@code Retry-After}, so the
 *        clients refused in one burst do not all come back in the same second
 */
@ConfigurationProperties("coupon.rate-limit")
public record RateLimitSettings(Limit perMember, Limit perAddress, Limit perReplica,
        @DefaultValue("100000") long maximumKeys, @DefaultValue("2s") Duration retryAfterJitter) {

    /** {@code requests} per {@code period}; {@code enabled: false} lifts the limit. */
    public record Limit(@DefaultValue("true") boolean enabled, long requests, Duration period) {

        public Limit {
            if (enabled && (requests < 1 || period == null || period.compareTo(Duration.ofMillis(1)) < 0)) {
                throw new IllegalArgumentException("an enabled limit needs requests >= 1 and a period of at least 1ms");
            }
        }
    }
}
