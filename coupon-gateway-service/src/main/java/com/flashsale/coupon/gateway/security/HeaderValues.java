package com.flashsale.coupon.gateway.security;

/**
 * The header values Spring Security's {@code StrictHttpFirewall} accepts by default (every code point
 * assigned, and no control character but the tab), checked by a loop instead of its regular
 * expression: a bearer token is some 700 characters, and the expression's per-character Unicode
 * property checks were a tenth of the member API's CPU per request in the benchmark's profile
 * (docs/benchmarks.md). {@code HeaderValuesTest} holds both to the same answers.
 */
final class HeaderValues {

    private HeaderValues() {
    }

    static boolean allowed(String value) {
        for (int i = 0; i < value.length();) {
            char c = value.charAt(i);
            if (c >= ' ' && c < 0x7F) {
                // Printable ASCII, nearly every character of nearly every header: allowed, no table lookup.
                i++;
                continue;
            }
            int codePoint = value.codePointAt(i);
            if (!Character.isDefined(codePoint) || (Character.isISOControl(codePoint) && codePoint != '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
