package com.flashsale.coupon.kit.api;

/**
 * Reads the error code out of the API's answer envelope ({@code {"success":false,"error":{"code":...}}})
 * without a JSON parser: a load generator reads one per refusal, hundreds of thousands per run.
 */
final class Envelope {

    private Envelope() {
    }

    /** The {@code error.code}, or {@code null} when the body holds none (a success, a proxy's error page). */
    static String errorCode(String body) {
        if (body == null) {
            return null;
        }
        int error = body.indexOf("\"error\"");
        int code = error < 0 ? -1 : body.indexOf("\"code\"", error);
        if (code < 0) {
            return null;
        }
        int at = code + "\"code\"".length();
        while (at < body.length() && (body.charAt(at) == ' ' || body.charAt(at) == ':')) {
            at++;
        }
        if (at >= body.length() || body.charAt(at) != '"') {
            return null;
        }
        int close = body.indexOf('"', at + 1);
        return close < 0 || close == at + 1 ? null : body.substring(at + 1, close);
    }
}
