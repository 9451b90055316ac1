package com.flashsale.coupon.kit.load;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Every request of a run and its answer, written concurrently by the clients, read after (or during)
 * the run. Per member, so the checks can tell who was told what.
 */
public final class AnswerLog {

    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

    public void add(Answer answer) {
        answers.add(answer);
    }

    public List<Answer> all() {
        return List.copyOf(answers);
    }

    public int size() {
        return answers.size();
    }

    /** How many answers ended each way; every outcome is present, zero or not. */
    public Map<Outcome, Long> counts() {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0L);
        }
        answers.forEach(answer -> counts.merge(answer.outcome(), 1L, Long::sum));
        return counts;
    }

    public long count(Outcome outcome) {
        return answers.stream().filter(a -> a.outcome() == outcome).count();
    }

    /** Counts by {@link Answer#key()}, sorted: the tables and summary files. */
    public Map<String, Long> keyCounts() {
        Map<String, Long> counts = new TreeMap<>();
        answers.forEach(answer -> counts.merge(answer.key(), 1L, Long::sum));
        return counts;
    }

    public Map<Long, List<Answer>> byMember() {
        return answers.stream().collect(Collectors.groupingBy(Answer::memberId));
    }

    /** Requests answered {@code outcome} that were sent inside [from, to] (nano times). */
    public long sentBetween(Outcome outcome, long from, long to) {
        return answers.stream().filter(a -> a.outcome() == outcome && a.sentAt() >= from && a.sentAt() <= to).count();
    }

    /** When the last answer of this outcome came back (nano time). */
    public OptionalLong lastAnsweredAt(Outcome outcome) {
        return answers.stream().filter(a -> a.outcome() == outcome).mapToLong(Answer::answeredAt).max();
    }

    /** Over the requests that got an HTTP answer, each from when it was due. */
    public Percentiles latency() {
        return Percentiles.of(answers.stream().filter(Answer::answered).mapToLong(Answer::latencyNanos).toArray());
    }
}
