package com.flashsale.coupon.kit.api;

import java.util.Map;

/** On whose behalf one request goes out; {@link Credentials} turns it into headers. */
public record Caller(Kind kind, long memberId) {

    public enum Kind {
        /** No credentials at all: what an unauthenticated client sends. */
        ANONYMOUS,
        MEMBER,
        OPERATOR
    }

    public static Caller anonymous() {
        return new Caller(Kind.ANONYMOUS, 0);
    }

    public static Caller member(long memberId) {
        return new Caller(Kind.MEMBER, memberId);
    }

    public static Caller operator() {
        return new Caller(Kind.OPERATOR, 0);
    }

    Map<String, String> headers(Credentials credentials) {
        return switch (kind) {
            case ANONYMOUS -> Map.of();
            case MEMBER -> credentials.member(memberId);
            case OPERATOR -> credentials.operator();
        };
    }
}
