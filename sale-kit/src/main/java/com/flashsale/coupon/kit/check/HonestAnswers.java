package com.flashsale.coupon.kit.check;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the members were told matches what they hold, and is what the scenario allows. */
final class HonestAnswers {

    private HonestAnswers() {
    }

    /**
     * A holder must have been told yes, or have had an answer that promised nothing either way (unknown,
     * or a 503: Redis may have run the script after the gateway gave up waiting, and a retry answers
     * COUPON-002 if it did). A holder only ever told "no" was misled. And every answer must be one the
     * scenario allows, as many as it expects.
     */
    static Verdict judge(Sale sale) {
        Expectations expected = sale.facts.expectations();
        Map<String, Long> outside = new TreeMap<>();
        long total;
        String holders;
        boolean honest;
        if (sale.perMember()) {
            List<Answer> answers = sale.facts.answers().perMember().orElseThrow();
            total = answers.size();
            answers.stream().filter(a -> !expected.allowedOutcomes().isEmpty() && !expected.allowedOutcomes().contains(a.outcome()))
                    .forEach(a -> outside.merge(a.key(), 1L, Long::sum));
            Set<Long> all = new HashSet<>(sale.state.holders());
            all.addAll(sale.state.redisIssued().keySet());
            Set<Long> told503 = new TreeSet<>();
            Set<Long> toldNo = new TreeSet<>();
            for (long holder : all) {
                List<Answer> got = sale.byMember.getOrDefault(holder, List.of());
                if (Sale.has(got, Outcome.ISSUED) || Sale.has(got, Outcome.UNKNOWN)) {
                    continue;
                }
                (Sale.has(got, Outcome.UNAVAILABLE) ? told503 : toldNo).add(holder);
            }
            honest = toldNo.isEmpty();
            holders = "holders never told yes: %d only refused or never asked%s; %d got a 503 and hold a coupon%s"
                    .formatted(toldNo.size(), Sale.examples(toldNo), told503.size(), Sale.examples(told503));
        } else {
            AnswerFacts answers = sale.answers;
            total = answers.total();
            answers.counts().forEach((outcome, count) -> {
                if (count > 0 && !expected.allowedOutcomes().isEmpty() && !expected.allowedOutcomes().contains(outcome)) {
                    outside.merge(outcome.name(), count, Long::sum);
                }
            });
            long promised = answers.count(Outcome.ISSUED) + answers.count(Outcome.UNKNOWN) + answers.count(Outcome.UNAVAILABLE);
            honest = sale.state.holders().size() <= promised;
            holders = "%d holders, %d answers 200, unknown or 503 (counts only: holders not matched to answers)"
                    .formatted(sale.state.holders().size(), promised);
        }
        boolean countRight = expected.requests() < 0 || total == expected.requests();
        String allowed = expected.allowedOutcomes().isEmpty() ? ""
                : "; answers outside " + expected.allowedOutcomes() + ": " + (outside.isEmpty() ? "none" : outside);
        String requests = expected.requests() < 0 ? "" : "; %d answers of %d requests".formatted(total, expected.requests());
        return Verdict.of(honest && outside.isEmpty() && countRight, holders + allowed + requests);
    }
}
