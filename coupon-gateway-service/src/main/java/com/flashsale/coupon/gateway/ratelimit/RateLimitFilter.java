package com.flashsale.coupon.gateway.ratelimit;

import com.flashsale.coupon.gateway.web.ErrorCode;
import com.flashsale.coupon.web.ApiErrorWriter;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;

/**
 * Takes one token from the request's bucket, or answers 429 {@code RATE-001} before anything else
 * happens. The answer says when to come back ({@code Retry-After}, with jitter) and which limit
 * refused, in the IETF {@code RateLimit-Policy} and {@code RateLimit} fields
 * (draft-ietf-httpapi-ratelimit-headers): {@code "member";q=10;w=10} is 10 requests per 10 seconds.
 */
final class RateLimitFilter extends HttpFilter {

    private final String limit;
    private final Function<HttpServletRequest, Bucket> buckets;
    private final Counter refused;
    private final String policy;
    private final long jitterMillis;
    private final ApiErrorWriter errors;

    /** @param buckets the bucket a request draws from, or {@code null} when this limit does not apply to it */
    RateLimitFilter(String limit, RateLimitSettings.Limit settings, Function<HttpServletRequest, Bucket> buckets,
            Counter refused, Duration retryAfterJitter, ApiErrorWriter errors) {
        this.limit = limit;
        this.buckets = buckets;
        this.refused = refused;
        this.policy = "\"" + limit + "\";q=" + settings.requests() + ";w=" + ceilSeconds(settings.period().toMillis());
        this.jitterMillis = retryAfterJitter.toMillis();
        this.errors = errors;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getDispatcherType() == DispatcherType.REQUEST) {
            Bucket bucket = buckets.apply(request);
            if (bucket != null && !bucket.tryConsume(1)) {
                refuse(response, bucket);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, Bucket bucket) throws IOException {
        refused.increment();
        long waitMillis = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill() / 1_000_000;
        long retryAfter = ceilSeconds(waitMillis + ThreadLocalRandom.current().nextLong(jitterMillis + 1));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        response.setHeader("RateLimit-Policy", policy);
        response.setHeader("RateLimit", "\"" + limit + "\";r=0;t=" + retryAfter);
        errors.write(response, ErrorCode.RATE_LIMITED,
                "Too many requests (" + limit + " limit): ask again in " + retryAfter + " s.");
    }

    private static long ceilSeconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
