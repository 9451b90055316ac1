package com.flashsale.coupon.worker.admin;

import java.security.Principal;

/** Who acts, for the audit trail: the authenticated operator, or {@code local} where no one signs in. */
final class Operators {

    static final String NOBODY_SIGNED_IN = "local";

    /**
     * The characters of a name the audit keeps: {@code campaign_audit.operator_name} and
     * {@code failed_coupon_issues.replayed_by} are VARCHAR(200). The subject is the identity provider's,
     * not the operator's to shorten, and a valid token must not make every change fail: the audit keeps
     * its first 200 characters, which name the operator well enough, and the change goes through.
     */
    static final int MAX_NAME_LENGTH = 200;

    private Operators() {
    }

    static String name(Principal principal) {
        return principal == null || principal.getName() == null || principal.getName().isBlank()
                ? NOBODY_SIGNED_IN
                : kept(principal.getName());
    }

    // Counted in code points, as MySQL counts a utf8mb4 column's characters: a character outside the
    // BMP is one of them, and is never cut in half.
    private static String kept(String name) {
        return name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH ? name
                : name.substring(0, name.offsetByCodePoints(0, MAX_NAME_LENGTH));
    }
}
