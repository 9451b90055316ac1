package com.flashsale.coupon.loadtest;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The seed's scenario: members 1..N each ask once for the same coupon, all at one instant. Every
 * request waits on its own virtual thread behind one start latch, released only when all of them
 * are parked on it, so the gateway sees the burst the seed describes rather than a ramp.
 */
final class FlashSale {

    private final ServiceClient gateway;
    private final String couponCode;
    private final int members;

    FlashSale(ServiceClient gateway, String couponCode, int members) {
        this.gateway = gateway;
        this.couponCode = couponCode;
        this.members = members;
    }

    Result fire() throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(members);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> pending = new ArrayList<>(members);
        long began;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long member = 1; member <= members; member++) {
                long memberId = member;
                pending.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    return ask(memberId);
                }));
            }
            ready.await();
            began = System.nanoTime();
            start.countDown();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
        List<Answer> answers = new ArrayList<>(members);
        for (Future<Answer> answer : pending) {
            try {
                answers.add(answer.get());
            } catch (ExecutionException e) {
                throw new LoadTestException("a request failed unexpectedly: " + e.getCause(), e.getCause());
            }
        }
        return new Result(answers, elapsed);
    }

    private Answer ask(long memberId) throws InterruptedException {
        long began = System.nanoTime();
        try {
            ServiceClient.Reply reply = gateway.post("/api/v1/coupons/issue",
                    "{\"couponCode\":\"" + couponCode + "\",\"memberId\":" + memberId + "}");
            return new Answer(memberId, reply.status(), reply.errorCode(), System.nanoTime() - began);
        } catch (IOException e) {
            return new Answer(memberId, Answer.NO_ANSWER, e.getClass().getSimpleName(), System.nanoTime() - began);
        }
    }

    /** Every member's answer, and the time from the release to the last answer. */
    record Result(List<Answer> answers, Duration elapsed) {
    }
}
