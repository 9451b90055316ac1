package com.flashsale.coupon.kit.check;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.store.SaleState;
import com.flashsale.coupon.kit.store.StoreCounts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One sale's facts, with what several invariants derive from them. */
final class Sale {

    private static final int EXAMPLES = 5;

    final SaleFacts facts;
    final SaleState state;
    final StoreCounts counts;
    final AnswerFacts answers;
    final long quantity;
    final Map<Long, List<Answer>> byMember;

    Sale(SaleFacts facts) {
        this.facts = facts;
        this.state = facts.state();
        this.counts = state.counts();
        this.answers = facts.answers();
        this.quantity = counts.quantity();
        this.byMember = answers.perMember().map(list -> list.stream().collect(Collectors.groupingBy(Answer::memberId)))
                .orElse(Map.of());
    }

    boolean perMember() {
        return answers.perMember().isPresent();
    }

    boolean eligible(long member) {
        return facts.expectations().eligible().map(e -> e.contains(member)).orElse(true);
    }

    boolean endedAsExpectedFailure(long member) {
        String reason = state.failures().get(member);
        return facts.expectations().expectedFailures().contains(member) && !state.holders().contains(member)
                && reason != null && !reason.isBlank();
    }

    static boolean has(List<Answer> answers, Outcome outcome) {
        return answers.stream().anyMatch(a -> a.outcome() == outcome);
    }

    static String stock(StoreCounts counts) {
        return counts.stock() < 0 ? "missing" : Long.toString(counts.stock());
    }

    /** A few of the members, for evidence that names names without flooding the report. */
    static String examples(Set<Long> members) {
        return members.isEmpty() ? "" : members.stream().limit(EXAMPLES).map(String::valueOf)
                .collect(Collectors.joining(", ", " (e.g. ", ")"));
    }
}
