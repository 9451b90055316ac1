package com.flashsale.coupon.gateway.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The member a request speaks for. With tokens it is the token's member (its subject, or the claim
 * {@code spring.security.oauth2.resourceserver.jwt.principal-claim-name} names), and a member the
 * request names itself must be that one. In the {@code local} mode nobody is asked who they are:
 * the member is the one the request names.
 */
@Component
public class MemberIdentity {

    private final boolean tokens;

    MemberIdentity(AuthSettings settings) {
        this.tokens = settings.tokens();
    }

    /**
     * @param named the member the request names (body or query), or {@code null}
     * @throws ForeignMemberException when the request names another member than its token's
     * @throws MissingMemberException when nothing names a member
     */
    public long of(Long named) {
        if (!tokens) {
            if (named == null) {
                throw new MissingMemberException();
            }
            return named;
        }
        long member = tokenMember();
        if (named != null && named != member) {
            throw new ForeignMemberException("A member may ask only for themselves: memberId must be the token's member, or left out.");
        }
        return member;
    }

    private static long tokenMember() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String name = authentication == null ? null : authentication.getName();
        try {
            long member = name == null ? 0 : Long.parseLong(name);
            // Written as the member's number and nothing else: "042" or "+42" would be member 42 under
            // another name, with limits of its own.
            if (member > 0 && name.equals(Long.toString(member))) {
                return member;
            }
        } catch (NumberFormatException e) {
            // Not a member's token (an operator's, say): refused below.
        }
        throw new ForeignMemberException("The token does not name a member.");
    }

    /** Answered 403 {@code AUTH-002}: the token is valid, but not for what the request asks. */
    public static final class ForeignMemberException extends RuntimeException {
        ForeignMemberException(String message) {
            super(message);
        }
    }

    /** Answered 400 {@code COMMON-001}: without tokens the request must name its member. */
    public static final class MissingMemberException extends RuntimeException {
        MissingMemberException() {
            super("memberId is required");
        }
    }
}
