package com.flashsale.coupon.lab.baseline;

import java.time.Duration;

/**
 * The one load every baseline gets: {@code clients} concurrent clients work through
 * {@code members x attemptsPerMember} attempts against {@code stock} coupons. A member's attempts
 * are adjacent in the queue, so they are taken by different clients at nearly the same instant
 * (a double click): exactly the case where a check-then-act race shows.
 *
 * @param timeLimit a baseline still running then is stopped; its figures cover what it finished
 */
public record LabLoad(int clients, int members, int attemptsPerMember, int stock, Duration timeLimit) {

    public int attempts() {
        return members * attemptsPerMember;
    }

    /** Member ids 1..members. */
    public long memberOf(int attempt) {
        return attempt / attemptsPerMember + 1;
    }

    @Override
    public String toString() {
        return clients + " clients, " + members + " members x " + attemptsPerMember + " attempts, stock " + stock;
    }
}
