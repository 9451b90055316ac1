package com.flashsale.coupon.kit.api;

import java.util.Collection;
import java.util.Map;

/**
 * Who a request speaks for, as HTTP headers: the one place that knows how a member or an operator
 * proves who they are. Outside the {@code local} profile the services ask for
 * {@code Authorization: Bearer <JWT>}: a member's token names the member as its subject, an
 * operator's carries scope {@code coupon:admin} ({@code kit.token.TokenCredentials}). Under
 * {@code local} the public API trusts the body's member and the operator endpoints are open
 * ({@link #none()}); tokens sent there are not looked at.
 *
 * <p>{@link #member} is called once per request and may be called from many threads at once: an
 * implementation that signs tokens mints them ahead in {@link #prepare} (RSA signing costs about a
 * millisecond).
 */
public interface Credentials {

    String AUTHORIZATION = "Authorization";
    String BEARER = "Bearer ";

    /** Headers of a public API request made by this member. */
    Map<String, String> member(long memberId);

    /** Headers of an operator request (reset, stock, campaign and member status, reconciliation, metrics). */
    Map<String, String> operator();

    /** Called before a load with the members it will speak for, so nothing is minted while it is measured. */
    default void prepare(Collection<Long> memberIds) {
    }

    /** No headers: the {@code local} profile, where both sides are open. */
    static Credentials none() {
        return None.INSTANCE;
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
