package com.flashsale.coupon.events;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The Redis ledger's key layout, shared by the gateway (which decides) and the worker (which
 * provisions, compensates and reconciles). Every key of one coupon carries the hash tag
 * {@code {coupon:CODE}}, so each script touches a single slot and runs unchanged on Redis Cluster.
 *
 * <ul>
 * <li>{@code campaign}: hash of {@link CampaignFields}, written by the worker.</li>
 * <li>{@code stock}: integer, coupons left.</li>
 * <li>{@code issued}: sorted set, member id scored by acceptance time in epoch milliseconds.</li>
 * <li>{@code outbox}: stream of accepted issuances ({@link OutboxFields}) waiting for Kafka.</li>
 * </ul>
 */
public record LedgerKeys(String campaign, String stock, String issued, String outbox) {

    /** Hash of member id to member status ({@code ACTIVE} is the only status that may receive coupons). */
    public static final String MEMBERS = "ledger:members";

    /**
     * Changes whenever {@link #MEMBERS} does: whoever writes the members hash sets it afterwards (the
     * worker to a digest of the statuses it wrote, a single-member change to a fresh value). Readers
     * that keep a copy of the hash re-read it only when this changes; while it is absent they must
     * not trust a copy at all.
     */
    public static final String MEMBERS_VERSION = "ledger:members:version";

    /** Set of the coupon codes provisioned in the ledger. */
    public static final String CAMPAIGNS = "ledger:campaigns";

    /** Consumer group of the gateway relays on every outbox stream. */
    public static final String RELAY_GROUP = "relay";

    public static final String ACTIVE = "ACTIVE";

    private static final Pattern COUPON_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public static LedgerKeys forCoupon(String couponCode) {
        if (!isValidCouponCode(couponCode)) {
            throw new IllegalArgumentException("invalid coupon code: " + couponCode);
        }
        String tag = "{coupon:" + couponCode + "}";
        return new LedgerKeys(tag + ":campaign", tag + ":stock", tag + ":issued", tag + ":outbox");
    }

    /** Codes are restricted so they can never break out of the hash tag or the key shape. */
    public static boolean isValidCouponCode(String couponCode) {
        return couponCode != null && COUPON_CODE.matcher(couponCode).matches();
    }

    public List<String> all() {
        return List.of(campaign, stock, issued, outbox);
    }

    /** Fields of the {@code campaign} hash. Times are epoch milliseconds; an empty end means open-ended. */
    public static final class CampaignFields {
        public static final String ID = "id";
        public static final String QUANTITY = "quantity";
        public static final String STATUS = "status";
        public static final String STARTS_AT = "startsAt";
        public static final String ENDS_AT = "endsAt";

        private CampaignFields() {
        }
    }

    /** Fields of one {@code outbox} stream entry. The event id is derived from the entry id. */
    public static final class OutboxFields {
        public static final String MEMBER_ID = "memberId";
        public static final String COUPON_ID = "couponId";
        public static final String ACCEPTED_AT = "acceptedAt";

        private OutboxFields() {
        }

        public static String eventId(String couponCode, String streamEntryId) {
            return couponCode + ":" + streamEntryId;
        }
    }
}
