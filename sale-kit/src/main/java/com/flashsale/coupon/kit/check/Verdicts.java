package com.flashsale.coupon.kit.check;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The verdicts of one sale, in the invariants' order. Only what the facts could speak to is there. */
public record Verdicts(Map<Invariant, Verdict> byInvariant) {

    public Verdicts {
        byInvariant = byInvariant.isEmpty() ? Map.of() : new EnumMap<>(byInvariant);
    }

    public Verdict get(Invariant invariant) {
        return byInvariant.get(invariant);
    }

    /** These verdicts and one more (I6, judged on its own trial). */
    public Verdicts with(Invariant invariant, Verdict verdict) {
        Map<Invariant, Verdict> all = new EnumMap<>(Invariant.class);
        all.putAll(byInvariant);
        all.put(invariant, verdict);
        return new Verdicts(all);
    }

    /** No verdict is a failure (some may not be judged). */
    public boolean noneFailed() {
        return byInvariant.values().stream().noneMatch(v -> v.status() == Verdict.Status.FAIL);
    }

    /** Every verdict passed: nothing failed and nothing went unjudged. */
    public boolean allPass() {
        return byInvariant.values().stream().allMatch(v -> v.status() == Verdict.Status.PASS);
    }

    public List<Invariant> failed() {
        return byInvariant.entrySet().stream().filter(e -> e.getValue().status() == Verdict.Status.FAIL)
                .map(Map.Entry::getKey).toList();
    }

    /** One line per verdict: "I1 no oversell       pass  quantity 100: ...". */
    public List<String> lines() {
        int width = byInvariant.keySet().stream().mapToInt(i -> i.meaning().length()).max().orElse(0);
        return byInvariant.entrySet().stream()
                .map(e -> String.format(java.util.Locale.ROOT, "%-7s %-" + width + "s  %-4s  %s", e.getKey(),
                        e.getKey().meaning(), e.getValue().label(), e.getValue().evidence()))
                .collect(Collectors.toList());
    }
}
