package com.flashsale.coupon.kit.token;

import com.flashsale.coupon.kit.api.Credentials;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link Credentials} as a real identity provider's clients hold them: {@code Authorization: Bearer}
 * with each member's own token (the member as subject) and an operator's token with scope
 * {@code coupon:admin}, all signed by one {@link TokenIssuer}. A token is minted once per member and
 * kept (RSA signing costs about a millisecond, far more than the request it rides on), and minted
 * again once it is past half its validity; {@link #prepare} mints a load's members ahead, in parallel,
 * so no measured request waits for a signature.
 */
public final class TokenCredentials implements Credentials {

    private final TokenIssuer issuer;
    private final Map<Long, Minted> members = new ConcurrentHashMap<>();
    private volatile Minted operator;

    public TokenCredentials(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public Map<String, String> member(long memberId) {
        Minted minted = members.get(memberId);
        if (minted == null || minted.stale()) {
            minted = Minted.of(issuer.member(memberId));
            members.put(memberId, minted);
        }
        return minted.headers();
    }

    @Override
    public Map<String, String> operator() {
        Minted minted = operator;
        if (minted == null || minted.stale()) {
            minted = Minted.of(issuer.operator());
            operator = minted;
        }
        return minted.headers();
    }

    @Override
    public void prepare(Collection<Long> memberIds) {
        memberIds.parallelStream().forEach(this::member);
    }

    /** The member's token itself, as {@link #member} sends it. */
    public String memberToken(long memberId) {
        return member(memberId).get(AUTHORIZATION).substring(BEARER.length());
    }

    public TokenIssuer issuer() {
        return issuer;
    }

    private record Minted(Map<String, String> headers, Instant renewAfter) {

        static Minted of(String token) {
            return new Minted(Map.of(AUTHORIZATION, BEARER + token), Instant.now().plus(TokenIssuer.VALIDITY.dividedBy(2)));
        }

        boolean stale() {
            return Instant.now().isAfter(renewAfter);
        }
    }
}
