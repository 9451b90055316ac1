package com.flashsale.coupon.kit.check;

/** The invariants every sale must keep (docs/architecture.md), and the honesty of the answers. */
public enum Invariant {
    I1("no oversell"),
    I2("no duplicate"),
    I3("no phantom success"),
    I4("no undersell"),
    I5("ledger agreement"),
    I6("bad input changes nothing"),
    /**
     * Not one of I1-I6: a member only ever refused must not end up holding a coupon, and every
     * answer is one the scenario allows (the seed's burst: issued or sold out, nothing else).
     */
    ANSWERS("honest answers");

    private final String meaning;

    Invariant(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
