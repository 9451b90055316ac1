package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks must fail when the facts break an invariant: each case breaks exactly one. */
class InvariantCheckerTest {

    private static final int QUANTITY = 3;

    private final InvariantChecker checker = new InvariantChecker();

    @Test
    void passesASaleThatSoldEveryCouponOnce() {
        Sale sale = soldOut();

        assertThat(checker.check(sale.facts()).values()).allMatch(v -> v.status() == Verdict.Status.PASS);
    }

    @Test
    void failsI1WhenMoreMembersWereToldYesThanThereWereCoupons() {
        Sale sale = soldOut();
        sale.answer(5, Outcome.ISSUED, 50);

        assertThat(status(sale, Invariant.I1)).isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void failsI2WhenAMemberWasToldYesTwice() {
        Sale sale = soldOut();
        sale.answer(1, Outcome.ISSUED, 60);

        assertThat(status(sale, Invariant.I2)).isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void failsI3WhenAYesEndedNowhere() {
        Sale sale = soldOut();
        sale.holders.remove(2L);
        sale.redis.remove(2L);
        sale.stock = 1;

        assertThat(status(sale, Invariant.I3)).isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void acceptsAFailureRowOnlyForAMemberTheDrillMadeUnpersistable() {
        Sale sale = soldOut();
        sale.answer(9, Outcome.ISSUED, 5);
        sale.failures.put(9L, "member does not exist");

        assertThat(status(sale, Invariant.I3)).isEqualTo(Verdict.Status.FAIL);
        sale.expectedFailures.add(9L);
        assertThat(status(sale, Invariant.I3)).isEqualTo(Verdict.Status.PASS);
    }

    @Test
    void failsI4WhenAMemberWasToldSoldOutWhileACouponStayedUnsold() {
        Sale sale = soldOut();
        sale.holders.remove(3L);
        sale.redis.remove(3L);
        sale.stock = 1;
        sale.answers.removeIf(a -> a.memberId() == 3);
        sale.answer(3, Outcome.SOLD_OUT, 40);

        assertThat(status(sale, Invariant.I4)).isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void acceptsACouponThatCameBackAfterTheLastSoldOutAnswer() {
        Sale sale = soldOut();
        sale.holders.remove(3L);
        sale.redis.remove(3L);
        sale.stock = 1;
        sale.answers.removeIf(a -> a.memberId() == 3);
        sale.answer(3, Outcome.SOLD_OUT, 40);
        // Members 4-6 were told sold out at 40, 50 and 60.
        sale.returns.add(55L);

        assertThat(status(sale, Invariant.I4)).isEqualTo(Verdict.Status.FAIL);
        sale.returns.add(65L);
        assertThat(status(sale, Invariant.I4)).isEqualTo(Verdict.Status.PASS);
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
    void failsI5WhenRedisAndMySqlNameDifferentHolders() {
        Sale sale = soldOut();
        sale.redis.remove(1L);
        sale.redis.put(4L, 1L);

        assertThat(status(sale, Invariant.I5)).isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void failsI5WhenStockAndIssuedDoNotAddUpToTheQuantity() {
        Sale sale = soldOut();
        sale.stock = 1;

        assertThat(status(sale, Invariant.I5)).isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void failsAnswersWhenAHolderWasOnlyEverRefused() {
        Sale sale = soldOut();
        sale.answers.removeIf(a -> a.memberId() == 2);
        sale.answer(2, Outcome.SOLD_OUT, 15);

        assertThat(status(sale, Invariant.ANSWERS)).isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void acceptsAHolderWhoseAnswerPromisedNothing() {
        Sale sale = soldOut();
        sale.answers.removeIf(a -> a.memberId() == 2);
        sale.answer(2, Outcome.UNAVAILABLE, 15);
        sale.answer(2, Outcome.DUPLICATE, 16);

        assertThat(status(sale, Invariant.ANSWERS)).isEqualTo(Verdict.Status.PASS);
    }

    private Verdict.Status status(Sale sale, Invariant invariant) {
        return checker.check(sale.facts()).get(invariant).status();
    }

    /** Members 1-3 told yes and holding, members 4-6 told sold out afterwards. */
    private static Sale soldOut() {
        Sale sale = new Sale();
        for (long member = 1; member <= 3; member++) {
            sale.answer(member, Outcome.ISSUED, member * 10);
            sale.holders.add(member);
            sale.redis.put(member, member);
        }
        for (long member = 4; member <= 6; member++) {
            sale.answer(member, Outcome.SOLD_OUT, member * 10);
        }
        return sale;
    }

    private static final class Sale {
        final List<Attempt> answers = new ArrayList<>();
        final Set<Long> holders = new HashSet<>();
        final Map<Long, Long> redis = new HashMap<>();
        final Map<Long, String> failures = new HashMap<>();
        final Set<Long> expectedFailures = new HashSet<>();
        final List<Long> returns = new ArrayList<>();
        long stock;

        void answer(long member, Outcome outcome, long at) {
            answers.add(new Attempt(member, 0, at, at + 1, outcome, outcome.name()));
        }

        SaleFacts facts() {
            return new SaleFacts(QUANTITY, Set.of(1L, 2L, 3L, 4L, 5L, 6L), Set.copyOf(expectedFailures), List.copyOf(answers),
                    List.copyOf(returns), stock, Map.copyOf(redis), 0, Set.copyOf(holders), Map.copyOf(failures), 0);
        }
    }
}
