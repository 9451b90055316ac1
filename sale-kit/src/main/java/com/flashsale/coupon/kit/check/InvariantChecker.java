package com.flashsale.coupon.kit.check;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.store.SaleState;
import com.flashsale.coupon.kit.store.StoreCounts;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Judges the invariants I1-I6 (and the honesty of the answers) from a sale's facts, each with the
 * evidence it rests on. Answers kept per member are judged member by member; with counts only, or
 * with the stores alone, each invariant is judged as far as those facts reach, and says so.
 */
public final class InvariantChecker {

    private static final int EXAMPLES = 5;

    /** I1-I5 and the answers. I6 needs a trial of its own: {@link #check(BadInputTrial)}. */
    public Verdicts check(SaleFacts facts) {
        Sale sale = new Sale(facts);
        Map<Invariant, Verdict> verdicts = new EnumMap<>(Invariant.class);
        verdicts.put(Invariant.I1, noOversell(sale));
        verdicts.put(Invariant.I2, noDuplicate(sale));
        verdicts.put(Invariant.I3, noPhantomSuccess(sale));
        verdicts.put(Invariant.I4, noUndersell(sale));
        verdicts.put(Invariant.I5, ledgerAgreement(sale));
        if (!facts.answers().none()) {
            verdicts.put(Invariant.ANSWERS, honestAnswers(sale));
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

    /** Neither store holds more than the quantity, and no more members were told yes than there were coupons. */
    private Verdict noOversell(Sale sale) {
        StoreCounts c = sale.counts;
        long toldYes = sale.perMember()
                // A coupon given back by a compensation is sold again: its first owner does not count twice.
                ? sale.byMember.entrySet().stream().filter(m -> has(m.getValue(), Outcome.ISSUED))
                        .filter(m -> !sale.endedAsExpectedFailure(m.getKey())).count()
                : sale.answers.count(Outcome.ISSUED);
        boolean answersKnown = !sale.answers.none();
        boolean holds = c.redisIssued() <= sale.quantity && (c.stock() >= 0 || c.stock() == -1)
                && c.rows() <= sale.quantity && (!answersKnown || toldYes <= sale.quantity);
        return Verdict.of(holds, "quantity %d: Redis issued %d, stock %s, MySQL rows %d, %s".formatted(sale.quantity,
                c.redisIssued(), stock(c), c.rows(), answersKnown
                        ? (sale.perMember() ? "members told yes " : "answers 200 ") + toldYes
                        : "answers not known"));
    }

    /** One row per member in MySQL (the unique key), and no member was told yes twice. */
    private Verdict noDuplicate(Sale sale) {
        long duplicates = sale.state.duplicateHolders();
        if (!sale.perMember()) {
            return Verdict.of(duplicates == 0, ("members with two MySQL rows %d; members told yes twice not known"
                    + " (answers not kept per member)").formatted(duplicates));
        }
        Set<Long> twice = sale.byMember.entrySet().stream()
                .filter(m -> m.getValue().stream().filter(a -> a.outcome() == Outcome.ISSUED).count() > 1)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        return Verdict.of(duplicates == 0 && twice.isEmpty(), "members with two MySQL rows %d, members told yes twice %d%s"
                .formatted(duplicates, twice.size(), examples(twice)));
    }

    /**
     * Every yes ends as a row; the only other ending allowed is a failure row with its reason, and
     * only for a member the scenario made impossible to persist (a permanent failure). An unknown
     * answer promised nothing, so it is not checked here. A failure row of any other member is a
     * revoked acceptance nobody planned: it fails too.
     */
    private Verdict noPhantomSuccess(Sale sale) {
        Set<Long> unexpectedFailures = new TreeSet<>(sale.state.failures().keySet());
        unexpectedFailures.removeAll(sale.facts.expectations().expectedFailures());
        String failures = unexpectedFailures.isEmpty() ? ""
                : "; failure rows of members no failure was planned for %d%s".formatted(unexpectedFailures.size(),
                        examples(unexpectedFailures));
        if (sale.perMember()) {
            Set<Long> toldYes = new TreeSet<>();
            Set<Long> lost = new TreeSet<>();
            int failedAsExpected = 0;
            for (Map.Entry<Long, List<Answer>> member : sale.byMember.entrySet()) {
                if (!has(member.getValue(), Outcome.ISSUED)) {
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
                                    lost.size(), examples(lost), failures));
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
                        sale.state.redisIssued().size(), notPersisted.size(), examples(notPersisted), failures));
    }

    /**
     * When at least {@code quantity} eligible members got an answer from the ledger, every coupon must
     * end up issued, with one exception: a coupon that came back to stock (a compensation) after the
     * last time a member who ended without a coupon was told "sold out" found nobody asking after it.
     * Any other unsold coupon means some member was told "sold out" while a coupon was still there.
     * With fewer members than coupons it is judged only if such a refusal happened. The comparison
     * uses the refusal's send time and the moment the return was first observed, which leans in the
     * system's favour by one polling interval.
     */
    private Verdict noUndersell(Sale sale) {
        long quantity = sale.quantity;
        long unsold = quantity - sale.state.holders().size();
        if (!sale.perMember()) {
            return noUndersellFromCounts(sale, unsold);
        }
        Set<Long> asked = sale.facts.answers().perMember().orElseThrow().stream()
                .filter(a -> a.outcome().decided() && sale.eligible(a.memberId()))
                .map(Answer::memberId).collect(Collectors.toSet());
        if (asked.size() >= quantity && unsold <= 0) {
            return Verdict.pass("%d eligible members asked, all %d coupons issued".formatted(asked.size(), quantity));
        }
        OptionalLong lastRefusal = sale.facts.answers().perMember().orElseThrow().stream()
                .filter(a -> a.outcome() == Outcome.SOLD_OUT && sale.eligible(a.memberId())
                        && !sale.state.holders().contains(a.memberId()))
                .mapToLong(Answer::sentAt).max();
        if (lastRefusal.isEmpty()) {
            return asked.size() < quantity
                    ? Verdict.notJudged("only %d eligible members got an answer from the ledger, fewer than the %d coupons"
                            .formatted(asked.size(), quantity))
                    : Verdict.pass("%d unsold, but no eligible member left without a coupon was told sold out"
                            .formatted(unsold));
        }
        long lateReturns = sale.facts.expectations().returns().stream().filter(r -> r > lastRefusal.getAsLong()).count();
        return Verdict.of(unsold <= lateReturns,
                "%d eligible members asked, %d coupons unsold, %d came back to stock after the last sold-out answer"
                        .formatted(asked.size(), unsold, lateReturns));
    }

    private Verdict noUndersellFromCounts(Sale sale, long unsold) {
        long asked = sale.answers.distinctMembers();
        long quantity = sale.quantity;
        if (asked < 0) {
            return Verdict.notJudged("how many members asked is not known");
        }
        if (asked >= quantity && unsold <= 0) {
            return Verdict.pass("%d members asked, all %d coupons issued".formatted(asked, quantity));
        }
        if (sale.answers.none()) {
            return asked < quantity
                    ? Verdict.notJudged("%d members asked, fewer than the %d coupons".formatted(asked, quantity))
                    : Verdict.fail("%d members asked, %d of %d coupons issued".formatted(asked, quantity - unsold, quantity));
        }
        long soldOut = sale.answers.count(Outcome.SOLD_OUT);
        if (soldOut == 0) {
            return asked < quantity
                    ? Verdict.notJudged("%d members asked, fewer than the %d coupons, none was told sold out"
                            .formatted(asked, quantity))
                    : Verdict.pass("%d unsold, but no member was told sold out".formatted(unsold));
        }
        return Verdict.fail("%d members asked, %d coupons unsold although %d answers were sold out"
                .formatted(asked, unsold, soldOut));
    }

    /** Stock + issued == quantity, the ledger's quantity is MySQL's, Redis and MySQL name the same holders, the outbox is empty. */
    private Verdict ledgerAgreement(Sale sale) {
        StoreCounts c = sale.counts;
        Set<Long> onlyRedis = new TreeSet<>(sale.state.redisIssued().keySet());
        onlyRedis.removeAll(sale.state.holders());
        Set<Long> onlyMySql = new TreeSet<>(sale.state.holders());
        onlyMySql.removeAll(sale.state.redisIssued().keySet());
        long sum = c.stock() + c.redisIssued();
        boolean holds = c.stock() >= 0 && sum == sale.quantity && c.ledgerQuantity() == sale.quantity
                && onlyRedis.isEmpty() && onlyMySql.isEmpty() && c.outboxBacklog() == 0;
        return Verdict.of(holds, ("stock %s + issued %d = %d (quantity %d, in the ledger %s); only in Redis %d%s,"
                + " only in MySQL %d%s; outbox %d").formatted(stock(c), c.redisIssued(), sum, sale.quantity,
                        c.ledgerQuantity() < 0 ? "missing" : Long.toString(c.ledgerQuantity()), onlyRedis.size(),
                        examples(onlyRedis), onlyMySql.size(), examples(onlyMySql), c.outboxBacklog()));
    }

    /**
     * A holder must have been told yes, or have had an answer that promised nothing either way (unknown,
     * or a 503: Redis may have run the script after the gateway gave up waiting, and a retry answers
     * COUPON-002 if it did). A holder only ever told "no" was misled. And every answer must be one the
     * scenario allows, as many as it expects.
     */
    private Verdict honestAnswers(Sale sale) {
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
                if (has(got, Outcome.ISSUED) || has(got, Outcome.UNKNOWN)) {
                    continue;
                }
                (has(got, Outcome.UNAVAILABLE) ? told503 : toldNo).add(holder);
            }
            honest = toldNo.isEmpty();
            holders = "holders never told yes: %d only refused or never asked%s; %d got a 503 and hold a coupon%s"
                    .formatted(toldNo.size(), examples(toldNo), told503.size(), examples(told503));
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

    private static boolean has(List<Answer> answers, Outcome outcome) {
        return answers.stream().anyMatch(a -> a.outcome() == outcome);
    }

    private static String stock(StoreCounts c) {
        return c.stock() < 0 ? "missing" : Long.toString(c.stock());
    }

    private static String examples(Set<Long> members) {
        return members.isEmpty() ? "" : members.stream().limit(EXAMPLES).map(String::valueOf)
                .collect(Collectors.joining(", ", " (e.g. ", ")"));
    }

    /** The facts, with what several checks derive from them. */
    private static final class Sale {
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
    }
}
