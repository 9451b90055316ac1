package com.flashsale.coupon.system.chaos;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Judges DESIGN.md §5's invariants I1-I5 (and the honesty of refusals) from a drill's facts. */
final class InvariantChecker {

    private static final int EXAMPLES = 5;

    Map<Invariant, Verdict> check(SaleFacts facts) {
        Map<Long, List<Attempt>> byMember = facts.attempts().stream().collect(Collectors.groupingBy(Attempt::memberId));
        Map<Invariant, Verdict> verdicts = new EnumMap<>(Invariant.class);
        verdicts.put(Invariant.I1, noOversell(facts, byMember));
        verdicts.put(Invariant.I2, noDuplicate(facts, byMember));
        verdicts.put(Invariant.I3, noPhantomSuccess(facts, byMember));
        verdicts.put(Invariant.I4, noUndersell(facts));
        verdicts.put(Invariant.I5, ledgerAgreement(facts));
        verdicts.put(Invariant.ANSWERS, noHiddenYes(facts, byMember));
        return verdicts;
    }

    /** Neither store holds more than the quantity, and no more members were told yes than there were coupons. */
    private Verdict noOversell(SaleFacts facts, Map<Long, List<Attempt>> byMember) {
        // A coupon given back by a compensation is sold again: its first owner does not count twice.
        long toldYes = byMember.entrySet().stream()
                .filter(member -> has(member.getValue(), Outcome.ISSUED))
                .filter(member -> !endedAsExpectedFailure(facts, member.getKey()))
                .count();
        int quantity = facts.quantity();
        boolean holds = facts.redisIssued().size() <= quantity && facts.stock() >= 0
                && facts.holders().size() <= quantity && toldYes <= quantity;
        return Verdict.of(holds, "quantity %d: Redis issued %d, stock %d, MySQL rows %d, members told yes %d"
                .formatted(quantity, facts.redisIssued().size(), facts.stock(), facts.holders().size(), toldYes));
    }

    /** One row per member in MySQL (the unique key), and no member was told yes twice. */
    private Verdict noDuplicate(SaleFacts facts, Map<Long, List<Attempt>> byMember) {
        Set<Long> twice = byMember.entrySet().stream()
                .filter(member -> member.getValue().stream().filter(a -> a.outcome() == Outcome.ISSUED).count() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        return Verdict.of(facts.duplicateHolders() == 0 && twice.isEmpty(),
                "members with two MySQL rows %d, members told yes twice %d %s"
                        .formatted(facts.duplicateHolders(), twice.size(), examples(twice)));
    }

    /**
     * Every yes ends as a row; the only other ending allowed is a failure row with its reason, and only
     * for a member the drill made impossible to persist (a permanent failure). An unknown answer
     * promised nothing, so it is not checked here.
     */
    private Verdict noPhantomSuccess(SaleFacts facts, Map<Long, List<Attempt>> byMember) {
        Set<Long> toldYes = new TreeSet<>();
        Set<Long> lost = new TreeSet<>();
        int failedAsExpected = 0;
        for (Map.Entry<Long, List<Attempt>> member : byMember.entrySet()) {
            if (!has(member.getValue(), Outcome.ISSUED)) {
                continue;
            }
            toldYes.add(member.getKey());
            if (facts.holders().contains(member.getKey())) {
                continue;
            }
            if (endedAsExpectedFailure(facts, member.getKey())) {
                failedAsExpected++;
            } else {
                lost.add(member.getKey());
            }
        }
        return Verdict.of(lost.isEmpty(), "%d members told yes: %d hold a row, %d ended as failure rows of a permanent failure, %d lost %s"
                .formatted(toldYes.size(), toldYes.size() - failedAsExpected - lost.size(), failedAsExpected,
                        lost.size(), examples(lost)));
    }

    /**
     * When at least {@code quantity} eligible members got an answer from the ledger, every coupon must
     * end up issued, with one exception: a coupon that came back to stock (a compensation) after the
     * last time a member who ended without a coupon was told "sold out" found nobody asking after it.
     * Any other unsold coupon means some member was told "sold out" while a coupon was still there
     * (the ledger undercounted its stock). The comparison uses the refusal's send time and the moment
     * the return was first observed, which leans in the system's favour by one polling interval.
     */
    private Verdict noUndersell(SaleFacts facts) {
        Set<Long> asked = facts.attempts().stream()
                .filter(a -> a.outcome().decided() && facts.eligible().contains(a.memberId()))
                .map(Attempt::memberId)
                .collect(Collectors.toSet());
        int quantity = facts.quantity();
        if (asked.size() < quantity) {
            return Verdict.notJudged("only %d eligible members got an answer from the ledger, fewer than the %d coupons"
                    .formatted(asked.size(), quantity));
        }
        long unsold = quantity - facts.holders().size();
        if (unsold <= 0) {
            return Verdict.pass("%d eligible members asked, all %d coupons issued".formatted(asked.size(), quantity));
        }
        OptionalLong lastRefusal = facts.attempts().stream()
                .filter(a -> a.outcome() == Outcome.SOLD_OUT && facts.eligible().contains(a.memberId())
                        && !facts.holders().contains(a.memberId()))
                .mapToLong(Attempt::sentAt)
                .max();
        if (lastRefusal.isEmpty()) {
            return Verdict.pass("%d unsold, but no eligible member left without a coupon was told sold out".formatted(unsold));
        }
        long lateReturns = facts.returns().stream().filter(returned -> returned > lastRefusal.getAsLong()).count();
        return Verdict.of(unsold <= lateReturns,
                "%d eligible members asked, %d coupons unsold, %d came back to stock after the last sold-out answer"
                        .formatted(asked.size(), unsold, lateReturns));
    }

    /** After reconciliation: stock + issued == quantity, Redis and MySQL name the same holders, nothing left in the outbox. */
    private Verdict ledgerAgreement(SaleFacts facts) {
        Set<Long> onlyRedis = new TreeSet<>(facts.redisIssued().keySet());
        onlyRedis.removeAll(facts.holders());
        Set<Long> onlyMySql = new TreeSet<>(facts.holders());
        onlyMySql.removeAll(facts.redisIssued().keySet());
        long sum = facts.stock() + facts.redisIssued().size();
        boolean holds = sum == facts.quantity() && onlyRedis.isEmpty() && onlyMySql.isEmpty() && facts.backlog() == 0;
        return Verdict.of(holds, "stock %d + issued %d = %d (quantity %d); only in Redis %d %s, only in MySQL %d %s; outbox %d"
                .formatted(facts.stock(), facts.redisIssued().size(), sum, facts.quantity(), onlyRedis.size(),
                        examples(onlyRedis), onlyMySql.size(), examples(onlyMySql), facts.backlog()));
    }

    /**
     * A holder must have been told yes, or have had an answer that promised nothing either way: an
     * unknown one, or a 503 (the API's contract: Redis may have failed after running the script, and a
     * retry answers COUPON-002 if it did). A holder only ever told "no" (a 409) was misled. Holders
     * whose only answers were 503s are counted in the detail: that is the contract at work, not a fault.
     */
    private Verdict noHiddenYes(SaleFacts facts, Map<Long, List<Attempt>> byMember) {
        Set<Long> holders = new HashSet<>(facts.holders());
        holders.addAll(facts.redisIssued().keySet());
        Set<Long> told503 = new TreeSet<>();
        Set<Long> toldNo = new TreeSet<>();
        for (long holder : holders) {
            List<Attempt> attempts = byMember.getOrDefault(holder, List.of());
            if (has(attempts, Outcome.ISSUED) || has(attempts, Outcome.UNKNOWN)) {
                continue;
            }
            (has(attempts, Outcome.UNAVAILABLE) ? told503 : toldNo).add(holder);
        }
        return Verdict.of(toldNo.isEmpty(), "holders never told yes: %d only refused or never asked %s; %d got a 503 and hold a coupon %s"
                .formatted(toldNo.size(), examples(toldNo), told503.size(), examples(told503)));
    }

    private static boolean endedAsExpectedFailure(SaleFacts facts, long member) {
        String reason = facts.failures().get(member);
        return facts.expectedFailures().contains(member) && !facts.holders().contains(member)
                && reason != null && !reason.isBlank();
    }

    private static boolean has(List<Attempt> attempts, Outcome outcome) {
        return attempts.stream().anyMatch(a -> a.outcome() == outcome);
    }

    private static String examples(Set<Long> members) {
        return members.isEmpty() ? "" : members.stream().limit(EXAMPLES).map(String::valueOf)
                .collect(Collectors.joining(", ", "(e.g. ", ")"));
    }
}
