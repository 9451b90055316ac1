package com.flashsale.coupon.kit.check;

import com.flashsale.coupon.kit.api.Outcome;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the scenario itself makes right or wrong, beyond the invariants.
 *
 * @param eligible members who could get a coupon for the whole sale (active in MySQL and Redis);
 *        empty: every member who asked
 * @param expectedFailures members the scenario made impossible to persist: their success may end as a
 *        failure row with its reason (a permanent failure), and only theirs
 * @param returns when (nano time) each coupon of an expected failure was seen back in stock: I4 allows
 *        such a coupon to stay unsold when nobody was refused after it came back
 * @param allowedOutcomes the only answers the scenario allows (empty: any)
 * @param requests how many answers there must be (-1: any)
 */
public record Expectations(Optional<Set<Long>> eligible, Set<Long> expectedFailures, List<Long> returns,
        Set<Outcome> allowedOutcomes, long requests) {

    public Expectations {
        eligible = eligible.map(Set::copyOf);
        expectedFailures = Set.copyOf(expectedFailures);
        returns = List.copyOf(returns);
        // In the enum's order, for evidence that reads the same every run.
        allowedOutcomes = allowedOutcomes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(allowedOutcomes));
    }

    public static Expectations none() {
        return new Expectations(Optional.empty(), Set.of(), List.of(), Set.of(), -1);
    }

    /** The seed's burst: {@code members} distinct eligible members, one request each, issued or sold out. */
    public static Expectations burst(Set<Long> members) {
        return none().eligible(members).only(Outcome.ISSUED, Outcome.SOLD_OUT).requests(members.size());
    }

    public Expectations eligible(Set<Long> members) {
        return new Expectations(Optional.of(members), expectedFailures, returns, allowedOutcomes, requests);
    }

    public Expectations expectedFailures(Set<Long> members) {
        return new Expectations(eligible, members, returns, allowedOutcomes, requests);
    }

    public Expectations returns(List<Long> returnedAt) {
        return new Expectations(eligible, expectedFailures, returnedAt, allowedOutcomes, requests);
    }

    public Expectations only(Outcome first, Outcome... more) {
        return new Expectations(eligible, expectedFailures, returns, EnumSet.of(first, more), requests);
    }

    public Expectations requests(long count) {
        return new Expectations(eligible, expectedFailures, returns, allowedOutcomes, count);
    }
}
