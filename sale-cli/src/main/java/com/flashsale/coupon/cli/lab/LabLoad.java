package com.flashsale.coupon.cli.lab;

import java.time.Duration;

/**
 * One load every baseline gets: {@code clients} concurrent clients work through
 * {@code members x attemptsPerMember} attempts against {@code stock} coupons. A member's attempts
 * are adjacent in the queue, so they are taken by different clients at nearly the same instant
 * (a double click): exactly the case where a check-then-act race shows.
 *
 * @param name what the load is, as the results name it
 * @param timeLimit a baseline still running then is stopped; its figures cover what it finished
 */
public record LabLoad(String name, int clients, int members, int attemptsPerMember, int stock, Duration timeLimit) {

    public static final String STOCK_LEFT = "stock left";
    public static final String DOUBLE_CLICKS = "double clicks";

    /**
     * Every attempt a new member while stock remains, so every attempt issues: the mix of the issue
     * endpoint's "stock left" row, which is what the system's throughput is compared with.
     */
    public static LabLoad stockLeft(int clients, int members, Duration timeLimit) {
        return new LabLoad(STOCK_LEFT, clients, members, 1, members, timeLimit);
    }

    /**
     * Every member asks twice at once: where a check-then-act race shows, and, with less stock than
     * members, sell-out.
     */
    public static LabLoad doubleClicks(int clients, int members, int stock, Duration timeLimit) {
        return new LabLoad(DOUBLE_CLICKS, clients, members, 2, stock, timeLimit);
    }

    public int attempts() {
        return members * attemptsPerMember;
    }

    /** Member ids 1..members. */
    public long memberOf(int attempt) {
        return attempt / attemptsPerMember + 1;
    }

    /** Who makes each attempt, in the order the clients take them. */
    public long[] requests() {
        long[] requests = new long[attempts()];
        for (int attempt = 0; attempt < requests.length; attempt++) {
            requests[attempt] = memberOf(attempt);
        }
        return requests;
    }

    @Override
    public String toString() {
        return name + ": " + clients + " clients, " + members + " members x " + attemptsPerMember + " attempts, stock "
                + stock;
    }
}
