package com.flashsale.coupon.system.chaos;

import com.flashsale.coupon.kit.load.Loop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who sends request number {@code i}: the members in rounds, each round a fresh shuffle, so every
 * member asks once per round (repeats exercise the duplicate check) and the order is reproducible
 * from the seed. A retired member asks no more (the damaged-ledger drill needs that): its slots
 * pass with nothing sent ({@link Loop#NOBODY}), and a request of its already due is dropped
 * ({@link #asks}).
 */
final class MemberOrder {

    private final List<Long> members;
    private final Set<Long> known;
    private final long seed;
    private final Map<Long, long[]> rounds = new ConcurrentHashMap<>();
    private final Set<Long> retired = ConcurrentHashMap.newKeySet();

    MemberOrder(List<Long> members, long seed) {
        this.members = List.copyOf(members);
        this.known = Set.copyOf(members);
        this.seed = seed;
    }

    long memberAt(long index) {
        long[] round = rounds.computeIfAbsent(index / members.size(), this::shuffled);
        long member = round[(int) (index % members.size())];
        return retired.contains(member) ? Loop.NOBODY : member;
    }

    void retire(Set<Long> gone) {
        retired.addAll(gone);
    }

    boolean contains(long member) {
        return known.contains(member);
    }

    boolean asks(long member) {
        return !retired.contains(member);
    }

    private long[] shuffled(long round) {
        List<Long> order = new ArrayList<>(members);
        Collections.shuffle(order, new Random(seed * 31 + round));
        return order.stream().mapToLong(Long::longValue).toArray();
    }
}
