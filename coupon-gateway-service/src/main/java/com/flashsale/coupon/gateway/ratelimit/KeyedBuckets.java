package com.flashsale.coupon.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.util.function.Function;

/**
 * Token buckets of one limit, one per key (a member, an address). Buckets live in the process
 * (Bucket4j's lock-free local bucket) and are forgotten once untouched for a whole period: by then
 * they would be full again, so nothing is lost. At most {@code maximumKeys} are kept, so a flood of
 * new addresses costs bounded memory.
 */
final class KeyedBuckets {

    private final Cache<String, Bucket> buckets;
    private final Function<String, Bucket> newBucket;

    KeyedBuckets(RateLimitSettings.Limit limit, long maximumKeys) {
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maximumKeys)
                .expireAfterAccess(limit.period())
                .build();
        this.newBucket = key -> of(limit);
    }

    /** The bucket of {@code key}: a new, full one for a key not seen within the last period. */
    Bucket get(String key) {
        return buckets.get(key, newBucket);
    }

    /** {@code requests} tokens, refilled continuously over {@code period}. */
    static Bucket of(RateLimitSettings.Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()))
                .build();
    }
}
