package com.flashsale.coupon.gateway.ratelimit;

import com.flashsale.coupon.web.ApiErrorWriter;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The limits of the member API as filters for its security chain: per address and per replica before
 * anyone is authenticated (a flood of bad tokens must not buy signature checks), per member after.
 * The filters are not beans, so Spring Boot does not also register them for every request.
 */
@Component
@EnableConfigurationProperties(RateLimitSettings.class)
public class RateLimits {

    static final String MEMBER = "member";
    static final String ADDRESS = "address";
    static final String REPLICA = "replica";

    private final List<Filter> beforeAuthentication = new ArrayList<>();
    private final Filter afterAuthentication;

    RateLimits(RateLimitSettings settings, MeterRegistry meters, ApiErrorWriter errors) {
        Counter byAddress = refusals(ADDRESS, meters);
        Counter byReplica = refusals(REPLICA, meters);
        Counter byMember = refusals(MEMBER, meters);
        if (enabled(settings.perAddress())) {
            KeyedBuckets addresses = new KeyedBuckets(settings.perAddress(), settings.maximumKeys());
            beforeAuthentication.add(new RateLimitFilter(ADDRESS, settings.perAddress(),
                    request -> addresses.get(request.getRemoteAddr()), byAddress, settings.retryAfterJitter(), errors));
        }
        if (enabled(settings.perReplica())) {
            Bucket replica = KeyedBuckets.of(settings.perReplica());
            beforeAuthentication.add(new RateLimitFilter(REPLICA, settings.perReplica(), request -> replica, byReplica,
                    settings.retryAfterJitter(), errors));
        }
        if (enabled(settings.perMember())) {
            KeyedBuckets members = new KeyedBuckets(settings.perMember(), settings.maximumKeys());
            afterAuthentication = new RateLimitFilter(MEMBER, settings.perMember(), request -> {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                return authentication == null ? null : members.get(authentication.getName());
            }, byMember, settings.retryAfterJitter(), errors);
        } else {
            afterAuthentication = null;
        }
    }

    /** Address, then replica: a client over its own limit does not use up the replica's. */
    public List<Filter> beforeAuthentication() {
        return beforeAuthentication;
    }

    /** Per member: applies only to requests a token authenticated. */
    public Optional<Filter> afterAuthentication() {
        return Optional.ofNullable(afterAuthentication);
    }

    private static boolean enabled(RateLimitSettings.Limit limit) {
        return limit != null && limit.enabled();
    }

    /** Registered for every limit, enabled or not, so dashboards show a flat zero rather than nothing. */
    private static Counter refusals(String limit, MeterRegistry meters) {
        return Counter.builder("coupon.rate.limited")
                .description("Requests refused with 429 by a rate limit, by the limit that refused them")
                .tag("limit", limit)
                .register(meters);
    }
}
