package com.flashsale.coupon.kit.settle;

import com.flashsale.coupon.kit.store.StoreCounts;
import java.time.Duration;

/**
 * How a {@link Settle} ended.
 *
 * @param counts the last counts read ({@code null} when no read ever succeeded)
 * @param pending the last {@link Settle.PendingWork} count (-1 when it could not be read)
 * @param waited how long the wait took
 * @param lastChangeAt when the stores last changed (nano time): the moment the sale actually settled,
 *        a quiet period before the wait noticed it
 * @param timeout the longest wait that was allowed
 * @param failure the last read's error when it failed, else {@code null}
 */
public record Settled(boolean settled, StoreCounts counts, long pending, Duration waited, long lastChangeAt,
        Duration timeout, String failure) {
}
