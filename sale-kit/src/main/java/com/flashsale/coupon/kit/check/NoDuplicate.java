package com.flashsale.coupon.kit.check;

import com.flashsale.coupon.kit.api.Outcome;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** I2: a member holds at most one coupon of the campaign. */
final class NoDuplicate {

    private NoDuplicate() {
    }

    /** One row per member in MySQL (the unique key), and no member was told yes twice. */
    static Verdict judge(Sale sale) {
        long duplicates = sale.state.duplicateHolders();
        if (!sale.perMember()) {
            return Verdict.of(duplicates == 0, ("members with two MySQL rows %d; members told yes twice not known"
                    + " (answers not kept per member)").formatted(duplicates));
        }
        Set<Long> twice = sale.byMember.entrySet().stream()
                .filter(m -> m.getValue().stream().filter(a -> a.outcome() == Outcome.ISSUED).count() > 1)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        return Verdict.of(duplicates == 0 && twice.isEmpty(), "members with two MySQL rows %d, members told yes twice %d%s"
                .formatted(duplicates, twice.size(), Sale.examples(twice)));
    }
}
