package com.flashsale.coupon.kit.check;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** I3: every 200 answer ends as a row, or as a failure row of a permanent failure the scenario planned. */
final class NoPhantomSuccess {

    private NoPhantomSuccess() {
    }

    /**
     * Every yes ends as a row; the only other ending allowed is a failure row with its reason, and
     * only for a member the scenario made impossible to persist (a permanent failure). An unknown
     * answer promised nothing, so it is not checked here. A failure row of any other member is a
     * revoked acceptance nobody planned: it fails too.
     */
    static Verdict judge(Sale sale) {
        Set<Long> unexpectedFailures = new TreeSet<>(sale.state.failures().keySet());
        unexpectedFailures.removeAll(sale.facts.expectations().expectedFailures());
        String failures = unexpectedFailures.isEmpty() ? ""
                : "; failure rows of members no failure was planned for %d%s".formatted(unexpectedFailures.size(),
                        Sale.examples(unexpectedFailures));
        if (sale.perMember()) {
            Set<Long> toldYes = new TreeSet<>();
            Set<Long> lost = new TreeSet<>();
            int failedAsExpected = 0;
            for (Map.Entry<Long, List<Answer>> member : sale.byMember.entrySet()) {
                if (!Sale.has(member.getValue(), Outcome.ISSUED)) {
                    continue;
                }
                toldYes.add(member.getKey());
                if (sale.state.holders().contains(member.getKey())) {
                    continue;
                }
                if (sale.endedAsExpectedFailure(member.getKey())) {
                    failedAsExpected++;
                } else {
                    lost.add(member.getKey());
                }
            }
            return Verdict.of(lost.isEmpty() && unexpectedFailures.isEmpty(),
                    "%d members told yes: %d hold a row, %d ended as failure rows of a permanent failure, %d lost%s%s"
                            .formatted(toldYes.size(), toldYes.size() - failedAsExpected - lost.size(), failedAsExpected,
                                    lost.size(), Sale.examples(lost), failures));
        }
        if (!sale.answers.none()) {
            long expectedFailureRows = sale.state.failures().keySet().stream()
                    .filter(sale.facts.expectations().expectedFailures()::contains).count();
            long yes = sale.answers.count(Outcome.ISSUED);
            long lost = Math.max(0, yes - sale.counts.rows() - expectedFailureRows);
            return Verdict.of(lost == 0 && unexpectedFailures.isEmpty(),
                    "%d answers 200, %d MySQL rows, %d failure rows of a permanent failure: %d lost%s"
                            .formatted(yes, sale.counts.rows(), expectedFailureRows, lost, failures));
        }
        // Only the stores: every acceptance in the ledger was a yes to someone, and must be a row.
        Set<Long> notPersisted = new TreeSet<>(sale.state.redisIssued().keySet());
        notPersisted.removeAll(sale.state.holders());
        return Verdict.of(notPersisted.isEmpty() && unexpectedFailures.isEmpty(),
                "%d accepted in Redis, %d without a MySQL row%s%s (answers not known)".formatted(
                        sale.state.redisIssued().size(), notPersisted.size(), Sale.examples(notPersisted), failures));
    }
}
