package com.flashsale.coupon.kit.check;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Judges the invariants I1-I6 (and the honesty of the answers) from a sale's facts, each with the
 * evidence it rests on, one class per invariant. Answers kept per member are judged member by
 * member; with counts only, or with the stores alone, each invariant is judged as far as those facts
 * reach, and says so.
 */
public final class InvariantChecker {

    /** I1-I5 and the answers. I6 needs a trial of its own: {@link #check(BadInputTrial)}. */
    public Verdicts check(SaleFacts facts) {
        Sale sale = new Sale(facts);
        Map<Invariant, Verdict> verdicts = new EnumMap<>(Invariant.class);
        verdicts.put(Invariant.I1, NoOversell.judge(sale));
        verdicts.put(Invariant.I2, NoDuplicate.judge(sale));
        verdicts.put(Invariant.I3, NoPhantomSuccess.judge(sale));
        verdicts.put(Invariant.I4, NoUndersell.judge(sale));
        verdicts.put(Invariant.I5, LedgerAgreement.judge(sale));
        if (!facts.answers().none()) {
            verdicts.put(Invariant.ANSWERS, HonestAnswers.judge(sale));
        }
        return new Verdicts(verdicts);
    }

    /** I6: every bad request got a clear 4xx, and neither store changed. */
    public Verdict check(BadInputTrial trial) {
        List<String> changed = trial.before().differencesTo(trial.after());
        List<BadInputTrial.Refusal> unclear = trial.refusals().stream().filter(r -> !r.clear()).toList();
        String answers = trial.refusals().stream()
                .collect(Collectors.groupingBy(r -> r.status() + (r.code() == null ? "" : " " + r.code()), TreeMap::new,
                        Collectors.counting()))
                .entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
        String evidence = "%d bad requests answered %s; %s%s".formatted(trial.refusals().size(), answers,
                changed.isEmpty() ? "stores unchanged (" + trial.before().readings().size() + " readings)"
                        : "stores changed: " + String.join("; ", changed),
                unclear.isEmpty() ? "" : "; not a clear 4xx: " + unclear);
        return Verdict.of(changed.isEmpty() && unclear.isEmpty() && !trial.refusals().isEmpty(), evidence);
    }
}
