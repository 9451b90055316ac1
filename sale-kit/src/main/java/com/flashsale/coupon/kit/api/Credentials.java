package com.flashsale.coupon.kit.api;

import java.util.Map;

/**
 * Who a request speaks for, as HTTP headers: the one place that knows how a member or an operator
 * proves who they are. Today the public API trusts the body's member and the operator endpoints are
 * open under the {@code local} profile or take {@code X-Admin-Token}; once the API asks for
 * {@code Authorization: Bearer <JWT>} (the member as subject, scope {@code coupon:admin} for an
 * operator), a new implementation here is the only change the drivers and checks need.
 *
 * <p>{@link #member} is called once per request and may be called from many threads at once: an
 * implementation that signs tokens should mint them ahead (RSA signing costs about a millisecond).
 */
public interface Credentials {

    String ADMIN_TOKEN_HEADER = "X-Admin-Token";

    /** Headers of a public API request made by this member. */
    Map<String, String> member(long memberId);

    /** Headers of an operator request (reset, stock, campaign and member status, reconciliation). */
    Map<String, String> operator();

    /** No headers: the {@code local} profile, where both sides are open. */
    static Credentials none() {
        return None.INSTANCE;
    }

    /** The operator's {@code X-Admin-Token} ({@code COUPON_ADMIN_TOKEN}); none at all when blank. */
    static Credentials adminToken(String token) {
        if (token == null || token.isBlank()) {
            return none();
        }
        Map<String, String> operator = Map.of(ADMIN_TOKEN_HEADER, token);
        return new Credentials() {
            @Override
            public Map<String, String> member(long memberId) {
                return Map.of();
            }

            @Override
            public Map<String, String> operator() {
                return operator;
            }
        };
    }

    enum None implements Credentials {
        INSTANCE;

        @Override
        public Map<String, String> member(long memberId) {
            return Map.of();
        }

        @Override
        public Map<String, String> operator() {
            return Map.of();
        }
    }
}
