package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.check.BadRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The bad and refused requests the {@code sale} command sends once the sale has settled, for I6: each
 * must get a clear 4xx and leave both stores as they were. Built on the seed's data (member 501 is
 * inactive; no member 999999; no coupon NO_SUCH_COUPON).
 */
final class SeedRefusals {

    private SeedRefusals() {
    }

    static List<BadRequest> of(String couponCode, OptionalLong winner, OptionalLong soldOut) {
        List<BadRequest> requests = new ArrayList<>(List.of(
                BadRequest.issue("malformed JSON", 1, "{\"couponCode\":\"" + couponCode + "\""),
                // Bad whether the system asks for tokens or trusts the body (where a missing memberId is refused too).
                BadRequest.issue("a field the API does not define", 1, "{\"couponCode\":\"" + couponCode
                        + "\",\"memberId\":1,\"quantity\":5}"),
                BadRequest.issue("negative memberId", 1, body(couponCode, -3)),
                BadRequest.issue("unknown member", 999_999, body(couponCode, 999_999)),
                BadRequest.issue("inactive member", 501, body(couponCode, 501)),
                BadRequest.issue("unknown coupon", 1, body("NO_SUCH_COUPON", 1)),
                BadRequest.issue("oversized body", 1, "{\"couponCode\":\"" + couponCode + "\",\"memberId\":1,\"x\":\""
                        + "y".repeat(8_000) + "\"}")));
        winner.ifPresent(member -> requests.add(BadRequest.issue("a winner asking again", member, body(couponCode, member))));
        soldOut.ifPresent(member -> requests.add(BadRequest.issue("a member told sold out asking again", member,
                body(couponCode, member))));
        return requests;
    }

    private static String body(String couponCode, long memberId) {
        return "{\"couponCode\":\"" + couponCode + "\",\"memberId\":" + memberId + "}";
    }
}
