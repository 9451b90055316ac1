package com.flashsale.coupon.gateway.issuance;

import com.flashsale.coupon.events.LedgerKeys;
import java.util.Arrays;

/**
 * What a sold-out campaign's ledger held under one version: enough to give every request the answer
 * {@code scripts/issue.lua} would give, in the script's order of checks, for as long as the version
 * stands. The holders are a sorted {@code long[]}: 8 bytes a holder, where a set of boxed ids would
 * take about six times as much.
 *
 * @param startsAt epoch milliseconds, {@link Long#MIN_VALUE} when the campaign has no start
 * @param endsAt epoch milliseconds, {@link Long#MAX_VALUE} when it is open-ended
 * @param holders member ids in the issued set, sorted
 */
record SoldOutCampaign(String version, boolean active, long startsAt, long endsAt, long[] holders) {

    /**
     * From the campaign hash's fields as the issue script reads them ('' for a missing one). Throws
     * {@link IllegalArgumentException} for anything the script would read differently than this
     * record (a time that is not a whole number, a holder id that is not a canonical long): such a
     * campaign is not kept, and Redis goes on answering it. Sorts {@code holders} in place.
     */
    static SoldOutCampaign of(String version, String status, String startsAt, String endsAt, long[] holders) {
        Arrays.sort(holders);
        return new SoldOutCampaign(version, LedgerKeys.ACTIVE.equals(status), time(startsAt, Long.MIN_VALUE),
                time(endsAt, Long.MAX_VALUE), holders);
    }

    /** A member id exactly as the issue script's ZSCORE would find it ({@code Long.toString} of the request's id). */
    static long holder(String memberId) {
        long id = Long.parseLong(memberId);
        if (!Long.toString(id).equals(memberId)) {
            throw new IllegalArgumentException("not a canonical member id: " + memberId);
        }
        return id;
    }

    /** The issue script's answer for this member at this time (the gateway's clock, as the script is given). */
    IssueOutcome answer(long memberId, long nowMillis) {
        if (!active || nowMillis < startsAt || nowMillis >= endsAt) {
            return IssueOutcome.CAMPAIGN_NOT_OPEN;
        }
        return Arrays.binarySearch(holders, memberId) >= 0 ? IssueOutcome.ALREADY_ISSUED : IssueOutcome.SOLD_OUT;
    }

    private static long time(String field, long absent) {
        return field.isEmpty() ? absent : Long.parseLong(field);
    }
}
