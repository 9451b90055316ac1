package com.flashsale.coupon.worker.admin;

import java.security.Principal;

/** Who acts, for the audit trail: the authenticated operator, or {@code local} where no one signs in. */
final class Operators {

    static final String NOBODY_SIGNED_IN = "local";

    private Operators() {
    }

    static String name(Principal principal) {
        return principal == null || principal.getName() == null || principal.getName().isBlank()
                ? NOBODY_SIGNED_IN
                : principal.getName();
    }
}
