package com.flashsale.coupon.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many members got which answer. The flash sale is right only when exactly {@code quantity}
 * members were issued a coupon and every other one was refused as sold out: a duplicate refusal,
 * an error or a missing answer among distinct members is a defect, whatever the totals.
 */
record Outcomes(Map<String, Long> counts) {

    static final String ISSUED = "200";
    static final String SOLD_OUT = "409 COUPON-003";

    Outcomes {
        counts = new TreeMap<>(counts);
    }

    static Outcomes of(List<Answer> answers) {
        Map<String, Long> counts = new TreeMap<>();
        answers.forEach(answer -> counts.merge(answer.outcome(), 1L, Long::sum));
        return new Outcomes(counts);
    }

    long count(String outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The verdict for {@code members} distinct members asking once each for a coupon with {@code quantity} pieces. */
    List<Check> checks(long quantity, long members) {
        long winners = Math.min(quantity, members);
        List<Check> checks = new ArrayList<>();
        checks.add(Check.equal("answers received", members, total()));
        checks.add(Check.equal("200 issued", winners, count(ISSUED)));
        checks.add(Check.equal("409 COUPON-003 sold out", members - winners, count(SOLD_OUT)));
        counts.forEach((outcome, count) -> {
            if (!outcome.equals(ISSUED) && !outcome.equals(SOLD_OUT)) {
                checks.add(Check.equal(outcome + " (wrong reason)", 0, count));
            }
        });
        return checks;
    }
}
