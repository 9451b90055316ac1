package com.flashsale.coupon.kit.check;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the members were told, as far as the run kept it: every answer per member (the kit's own
 * loads), only counts by outcome (a k6 summary), or nothing but how many members asked (a wrk run,
 * the stores checked alone). The checker judges each invariant as far as the facts allow.
 *
 * @param perMember every answer, when they were kept
 * @param counts answers by outcome (derived from {@code perMember} when there)
 * @param distinctMembers distinct members who asked (-1 when not known)
 */
public record AnswerFacts(Optional<List<Answer>> perMember, Map<Outcome, Long> counts, long distinctMembers) {

    public AnswerFacts {
        perMember = perMember.map(List::copyOf);
        Map<Outcome, Long> all = new EnumMap<>(Outcome.class);
        all.putAll(counts);
        counts = all;
    }

    public static AnswerFacts of(List<Answer> answers) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        answers.forEach(answer -> counts.merge(answer.outcome(), 1L, Long::sum));
        return new AnswerFacts(Optional.of(answers), counts,
                answers.stream().mapToLong(Answer::memberId).distinct().count());
    }

    public static AnswerFacts counts(Map<Outcome, Long> counts, long distinctMembers) {
        return new AnswerFacts(Optional.empty(), counts, distinctMembers);
    }

    /** Only the stores can be checked; {@code distinctMembers} asked (-1 when not known). */
    public static AnswerFacts storesOnly(long distinctMembers) {
        return new AnswerFacts(Optional.empty(), Map.of(), distinctMembers);
    }

    public long count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** No answer at all is known, per member or counted. */
    boolean none() {
        return perMember.isEmpty() && counts.isEmpty();
    }
}
