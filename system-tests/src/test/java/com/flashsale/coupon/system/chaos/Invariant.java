package com.flashsale.coupon.system.chaos;

/** DESIGN.md §5, as the drills check them, plus the honesty of the refusals the members got. */
enum Invariant {
    I1("no oversell"),
    I2("no duplicate"),
    I3("no phantom success"),
    I4("no undersell"),
    I5("ledger agreement"),
    /** Not in DESIGN.md §5: a member only ever refused must not end up holding a coupon. */
    ANSWERS("no hidden yes");

    private final String meaning;

    Invariant(String meaning) {
        this.meaning = meaning;
    }

    String meaning() {
        return meaning;
    }
}
