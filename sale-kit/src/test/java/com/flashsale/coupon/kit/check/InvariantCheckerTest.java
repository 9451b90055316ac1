package com.flashsale.coupon.kit.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.store.SaleState;
import com.flashsale.coupon.kit.store.StoreCounts;
import com.flashsale.coupon.kit.store.StoreFingerprint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The checks must fail when the facts break an invariant: each case breaks exactly one. */
class InvariantCheckerTest {

    private static final int QUANTITY = 3;

    private final InvariantChecker checker = new InvariantChecker();

    /** A drill's sale, answers kept per member: members 1-3 told yes and holding, 4-6 told sold out afterwards. */
    @Nested
    class PerMember {

        @Test
        void passesASaleThatSoldEveryCouponOnce() {
            Verdicts verdicts = checker.check(soldOut().facts());

            assertThat(verdicts.byInvariant()).containsOnlyKeys(Invariant.I1, Invariant.I2, Invariant.I3, Invariant.I4,
                    Invariant.I5, Invariant.ANSWERS);
            assertThat(verdicts.allPass()).as("%s", verdicts.lines()).isTrue();
        }

        @ParameterizedTest(name = "fails {1} when {0}")
        @MethodSource("damages")
        void failsTheInvariantOneDamageBreaks(String damage, Invariant broken, Consumer<Sale> breakIt) {
            Sale sale = soldOut();
            breakIt.accept(sale);

            assertThat(status(sale, broken)).isEqualTo(Verdict.Status.FAIL);
        }

        static Stream<Arguments> damages() {
            return Stream.of(
                    damage("more members were told yes than there were coupons", Invariant.I1,
                            sale -> sale.answer(5, Outcome.ISSUED, 50)),
                    damage("MySQL holds more rows than the quantity", Invariant.I1, sale -> sale.extraRows = 1),
                    damage("a member was told yes twice", Invariant.I2, sale -> sale.answer(1, Outcome.ISSUED, 60)),
                    damage("a member holds two rows", Invariant.I2, sale -> sale.duplicateHolders = 1),
                    damage("a yes ended nowhere", Invariant.I3, sale -> sale.lose(2)),
                    damage("a member was told sold out while a coupon stayed unsold", Invariant.I4,
                            sale -> sale.toldSoldOutInstead(3, 40)),
                    damage("Redis and MySQL name different holders", Invariant.I5, sale -> {
                        sale.redis.remove(1L);
                        sale.redis.put(4L, 1L);
                    }),
                    damage("stock and issued do not add up to the quantity", Invariant.I5, sale -> sale.stock = 1),
                    damage("the outbox still holds entries", Invariant.I5, sale -> sale.backlog = 2),
                    damage("a holder was only ever refused", Invariant.ANSWERS, sale -> {
                        sale.answers.removeIf(a -> a.memberId() == 2);
                        sale.answer(2, Outcome.SOLD_OUT, 15);
                    }));
        }

        private static Arguments damage(String damage, Invariant broken, Consumer<Sale> breakIt) {
            return Arguments.of(damage, broken, breakIt);
        }

        @Test
        void acceptsAFailureRowOnlyForAMemberTheScenarioMadeUnpersistable() {
            Sale sale = soldOut();
            sale.answer(9, Outcome.ISSUED, 5);
            sale.failures.put(9L, "member does not exist");

            failsUntil(sale, Invariant.I3, () -> sale.expectedFailures.add(9L));
        }

        @Test
        void failsI3OnAFailureRowNobodyPlannedEvenForAMemberNeverToldYes() {
            Sale sale = soldOut();
            sale.failures.put(4L, "revoked");

            Verdict verdict = checker.check(sale.facts()).get(Invariant.I3);

            assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
            assertThat(verdict.evidence()).contains("failure rows of members no failure was planned for 1");
        }

        @Test
        void acceptsACouponThatCameBackAfterTheLastSoldOutAnswer() {
            Sale sale = soldOut();
            sale.toldSoldOutInstead(3, 40);
            // Members 4-6 were told sold out at 40, 50 and 60.
            sale.returns.add(55L);

            failsUntil(sale, Invariant.I4, () -> sale.returns.add(65L));
        }

        @Test
        void doesNotJudgeI4WhenFewerMembersGotAnAnswerThanThereWereCoupons() {
            Sale sale = soldOut();
            sale.answers.removeIf(a -> a.outcome() == Outcome.SOLD_OUT);
            sale.answers.removeIf(a -> a.memberId() == 3);
            sale.answer(3, Outcome.UNKNOWN, 20);

            assertThat(status(sale, Invariant.I4)).isEqualTo(Verdict.Status.NOT_JUDGED);
        }

        @Test
        void failsI4WhenFewerMembersThanCouponsAskedButOneWasToldSoldOut() {
            // A sale with stock to spare (the bench's rows): any sold-out answer undersells.
            Sale sale = new Sale(1_000);
            sale.eligible.addAll(Set.of(1L, 2L));
            sale.answer(1, Outcome.ISSUED, 10);
            sale.hold(1);
            sale.answer(2, Outcome.SOLD_OUT, 20);
            sale.stock = 999;

            assertThat(status(sale, Invariant.I4)).isEqualTo(Verdict.Status.FAIL);
        }

        @Test
        void acceptsAHolderWhoseAnswerPromisedNothing() {
            Sale sale = soldOut();
            sale.answers.removeIf(a -> a.memberId() == 2);
            sale.answer(2, Outcome.UNAVAILABLE, 15);
            sale.answer(2, Outcome.DUPLICATE, 16);

            assertThat(status(sale, Invariant.ANSWERS)).isEqualTo(Verdict.Status.PASS);
        }
    }

    /** The seed's burst: exactly {@code quantity} winners among distinct members, every other one sold out. */
    @Nested
    class SeedBurst {

        @Test
        void hundredIssuedAndFourHundredSoldOutIsRight() {
            Verdicts verdicts = checker.check(burst(100, 500, List.of()).facts());

            assertThat(verdicts.allPass()).as("%s", verdicts.lines()).isTrue();
        }

        @Test
        void fewerMembersThanCouponsAreAllIssued() {
            Verdicts verdicts = checker.check(burst(100, 50, List.of()).facts());

            assertThat(verdicts.noneFailed()).as("%s", verdicts.lines()).isTrue();
            assertThat(verdicts.get(Invariant.I4).status()).isEqualTo(Verdict.Status.NOT_JUDGED);
        }

        @Test
        void aRefusalForAnyOtherReasonIsWrongEvenWhenTheTotalsAddUp() {
            Sale sale = burst(100, 499, List.of());
            sale.answers.add(answer(500, Outcome.DUPLICATE, 1));

            Verdict verdict = checker.check(sale.facts()).get(Invariant.ANSWERS);

            assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
            assertThat(verdict.evidence()).contains("409 COUPON-002=1");
        }

        @Test
        void missingAnswersAreWrong() {
            Sale sale = burst(100, 490, List.of());
            for (long member = 491; member <= 500; member++) {
                sale.answers.add(new Answer(member, 0, Outcome.NOT_CONNECTED, Answer.NO_STATUS, null,
                        "ConnectException: refused", 1, 1, 2));
            }

            Verdict verdict = checker.check(sale.facts()).get(Invariant.ANSWERS);

            assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
            assertThat(verdict.evidence()).contains("no answer (ConnectException)=10");
        }

        @Test
        void oneCouponTooManyIsWrong() {
            Sale sale = burst(100, 500, List.of(101L));

            Verdicts verdicts = checker.check(sale.facts());

            assertThat(verdicts.get(Invariant.I1).status()).isEqualTo(Verdict.Status.FAIL);
        }

        @Test
        void countsAloneAreJudgedAsFarAsTheyReach() {
            Sale right = burst(100, 500, List.of());
            Verdicts verdicts = checker.check(right.factsFromCounts(500));
            assertThat(verdicts.allPass()).as("%s", verdicts.lines()).isTrue();

            Sale wrong = burst(100, 500, List.of());
            wrong.lose(7);
            Verdicts failed = checker.check(wrong.factsFromCounts(500));
            assertThat(failed.failed()).contains(Invariant.I3, Invariant.I4);
        }

        @Test
        void theStoresAloneAreJudgedForTheMembersThatAsked() {
            Sale sale = burst(100, 500, List.of());
            Verdicts verdicts = checker.check(sale.factsFromStoresOnly(500));
            assertThat(verdicts.byInvariant()).doesNotContainKey(Invariant.ANSWERS);
            assertThat(verdicts.allPass()).as("%s", verdicts.lines()).isTrue();

            sale.lose(7);
            assertThat(checker.check(sale.factsFromStoresOnly(500)).failed()).contains(Invariant.I4);
            sale.redis.put(7L, 7L);
            sale.stock = 0;
            assertThat(checker.check(sale.factsFromStoresOnly(500)).failed()).contains(Invariant.I3);
        }
    }

    @Nested
    class BadInput {

        private final StoreFingerprint before = new StoreFingerprint(Map.of("FLASH100 stock", "99", "coupon_issues", "1 rows"));

        @Test
        void passesWhenEveryRefusalIsAClear4xxAndNothingChanged() {
            Verdict verdict = checker.check(new BadInputTrial(before, before, List.of(
                    new BadInputTrial.Refusal("malformed JSON", 400, "COMMON-001"),
                    new BadInputTrial.Refusal("unknown member", 404, "MEMBER-001"))));

            assertThat(verdict.status()).as(verdict.evidence()).isEqualTo(Verdict.Status.PASS);
        }

        @Test
        void failsWhenAStoreChanged() {
            StoreFingerprint after = new StoreFingerprint(Map.of("FLASH100 stock", "98", "coupon_issues", "1 rows"));

            Verdict verdict = checker.check(new BadInputTrial(before, after,
                    List.of(new BadInputTrial.Refusal("unknown member", 404, "MEMBER-001"))));

            assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
            assertThat(verdict.evidence()).contains("FLASH100 stock: 99 -> 98");
        }

        @Test
        void failsWhenARefusalIsNotAClear4xx() {
            Verdict verdict = checker.check(new BadInputTrial(before, before,
                    List.of(new BadInputTrial.Refusal("huge body", 500, null))));

            assertThat(verdict.status()).isEqualTo(Verdict.Status.FAIL);
        }
    }

    private Verdict.Status status(Sale sale, Invariant invariant) {
        return checker.check(sale.facts()).get(invariant).status();
    }

    /** The invariant fails on the sale as it is, and passes once {@code fix} has changed it. */
    private void failsUntil(Sale sale, Invariant invariant, Runnable fix) {
        assertThat(status(sale, invariant)).isEqualTo(Verdict.Status.FAIL);
        fix.run();
        assertThat(status(sale, invariant)).isEqualTo(Verdict.Status.PASS);
    }

    private static Sale soldOut() {
        Sale sale = new Sale(QUANTITY);
        for (long member = 1; member <= 3; member++) {
            sale.answer(member, Outcome.ISSUED, member * 10);
            sale.hold(member);
        }
        for (long member = 4; member <= 6; member++) {
            sale.answer(member, Outcome.SOLD_OUT, member * 10);
        }
        sale.eligible.addAll(Set.of(1L, 2L, 3L, 4L, 5L, 6L));
        return sale;
    }

    /** Members 1..members once each; the first {@code quantity} issued, the others sold out; {@code extraWinners} told yes too. */
    private static Sale burst(int quantity, int members, List<Long> extraWinners) {
        Sale sale = new Sale(quantity);
        for (long member = 1; member <= members; member++) {
            boolean winner = member <= quantity || extraWinners.contains(member);
            sale.answer(member, winner ? Outcome.ISSUED : Outcome.SOLD_OUT, member);
            if (winner) {
                sale.hold(member);
            }
        }
        sale.stock = Math.max(0, quantity - sale.holders.size());
        sale.eligible.addAll(LongStream.rangeClosed(1, members).boxed().collect(Collectors.toSet()));
        sale.requests = members;
        sale.only = true;
        return sale;
    }

    private static Answer answer(long member, Outcome outcome, long at) {
        int status = switch (outcome) {
            case ISSUED -> 200;
            case DUPLICATE, SOLD_OUT -> 409;
            case UNAVAILABLE -> 503;
            default -> Answer.NO_STATUS;
        };
        String code = switch (outcome) {
            case DUPLICATE -> "COUPON-002";
            case SOLD_OUT -> "COUPON-003";
            case UNAVAILABLE -> "COMMON-002";
            default -> null;
        };
        return new Answer(member, 0, outcome, status, code, null, at, at, at + 1);
    }

    private static final class Sale {
        final int quantity;
        final List<Answer> answers = new ArrayList<>();
        final Set<Long> holders = new HashSet<>();
        final Map<Long, Long> redis = new HashMap<>();
        final Map<Long, String> failures = new HashMap<>();
        final Set<Long> expectedFailures = new HashSet<>();
        final Set<Long> eligible = new HashSet<>();
        final List<Long> returns = new ArrayList<>();
        long stock;
        long backlog;
        long duplicateHolders;
        long extraRows;
        long requests = -1;
        boolean only;

        Sale(int quantity) {
            this.quantity = quantity;
        }

        void answer(long member, Outcome outcome, long at) {
            answers.add(InvariantCheckerTest.answer(member, outcome, at));
        }

        /** The member was told sold out at {@code at} and holds nothing: its coupon stays unsold. */
        void toldSoldOutInstead(long member, long at) {
            holders.remove(member);
            redis.remove(member);
            stock++;
            answers.removeIf(a -> a.memberId() == member);
            answer(member, Outcome.SOLD_OUT, at);
        }

        /** The member holds nothing in either store and the coupon is back in stock: the issuance vanished. */
        void lose(long member) {
            holders.remove(member);
            redis.remove(member);
            stock++;
        }

        void hold(long member) {
            holders.add(member);
            redis.put(member, member);
        }

        SaleState state() {
            StoreCounts counts = new StoreCounts(2, quantity, quantity, stock, redis.size(), backlog,
                    holders.size() + extraRows, failures.size());
            return new SaleState("FLASH100", counts, redis, holders, failures, duplicateHolders);
        }

        Expectations expectations() {
            Expectations expectations = Expectations.none().eligible(eligible).expectedFailures(expectedFailures)
                    .returns(returns).requests(requests);
            return only ? expectations.only(Outcome.ISSUED, Outcome.SOLD_OUT) : expectations;
        }

        SaleFacts facts() {
            return new SaleFacts(state(), AnswerFacts.of(answers), expectations());
        }

        SaleFacts factsFromCounts(long members) {
            Map<Outcome, Long> counts = answers.stream().collect(Collectors.groupingBy(Answer::outcome, Collectors.counting()));
            return new SaleFacts(state(), AnswerFacts.counts(counts, members), expectations());
        }

        SaleFacts factsFromStoresOnly(long members) {
            return new SaleFacts(state(), AnswerFacts.storesOnly(members), expectations());
        }
    }
}
