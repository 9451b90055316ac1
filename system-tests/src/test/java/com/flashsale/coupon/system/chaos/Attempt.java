package com.flashsale.coupon.system.chaos;

/**
 * One issue request and its answer. Times are {@link System#nanoTime()} readings of the test JVM, so
 * they can be compared with the moments faults and compensations were observed.
 *
 * @param gateway index of the gateway replica the request went to
 * @param detail the error code, or what went wrong on the client side
 */
record Attempt(long memberId, int gateway, long sentAt, long answeredAt, Outcome outcome, String detail) {
}
