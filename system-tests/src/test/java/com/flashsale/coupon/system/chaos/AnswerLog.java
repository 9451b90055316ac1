package com.flashsale.coupon.system.chaos;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/** Every request of a drill and its answer, written concurrently by the clients, read after the sale. */
final class AnswerLog {

    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();

    void add(Attempt attempt) {
        attempts.add(attempt);
    }

    List<Attempt> all() {
        return List.copyOf(attempts);
    }

    int size() {
        return attempts.size();
    }

    Map<Outcome, Long> counts() {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0L);
        }
        attempts.forEach(attempt -> counts.merge(attempt.outcome(), 1L, Long::sum));
        return counts;
    }

    /** Requests answered with {@code outcome} that were sent inside [from, to] (nano times). */
    long sentBetween(Outcome outcome, long from, long to) {
        return attempts.stream()
                .filter(a -> a.outcome() == outcome && a.sentAt() >= from && a.sentAt() <= to)
                .count();
    }

    /**
     * The span in which members got no decision (503, no answer, no connection) among requests sent
     * from {@code from} on: from the first such request's sending to the last one's answer; zero
     * when there was none.
     */
    Window undecidedSince(long from) {
        List<Attempt> undecided = attempts.stream()
                .filter(a -> a.sentAt() >= from && !a.outcome().decided() && a.outcome() != Outcome.REFUSED).toList();
        if (undecided.isEmpty()) {
            return new Window(0, 0, 0);
        }
        long first = undecided.stream().mapToLong(Attempt::sentAt).min().orElseThrow();
        long last = undecided.stream().mapToLong(Attempt::answeredAt).max().orElseThrow();
        return new Window(undecided.size(), first, last);
    }

    /** {@code requests} undecided between {@code from} and {@code to} (nano times). */
    record Window(long requests, long from, long to) {

        long nanos() {
            return to - from;
        }
    }

    Map<Long, List<Attempt>> byMember() {
        return attempts.stream().collect(Collectors.groupingBy(Attempt::memberId));
    }
}
