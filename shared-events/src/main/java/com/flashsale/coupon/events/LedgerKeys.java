package com.flashsale.coupon.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <li>{@code version}: the coupon's ledger version, a number that moves whenever the coupon's
 * stock, issued set or campaign hash may have changed other than by an issuance (see below).</li>
 * </ul>
 *
 * <h2>The ledger version</h2>
 * Once a campaign is sold out, only the issue script reads its keys on the request path, and it
 * changes nothing there: with no stock left it refuses before writing. So a gateway may answer a
 * sold-out campaign's requests from a copy of its holders and campaign hash, as long as nothing
 * else changed them. Everything else that writes them moves the version:
 * <ul>
 * <li><b>Who bumps:</b> every script that changes a coupon's {@code stock}, {@code issued} or
 * {@code campaign} keys, other than the gateway's issue script, bumps {@code version} in the same
 * script, after its writes and only when it wrote something: a compensation, a reconciliation
 * repair, provisioning (stock created, quantity, status or window changed), a sale reset (which
 * deletes the other keys and keeps the version). Call {@link #BUMP_VERSION_LUA}'s
 * {@code bump_version(key)}: prepend the constant to the script's source.</li>
 * <li><b>The rule:</b> the new value is {@code max(current + 1, Redis's clock in microseconds)}, so
 * a version deleted with its keys (a flush, a lost Redis) and written again does not return to a
 * value a reader may still hold.</li>
 * <li><b>Readers</b> compare versions for equality only. A missing version means "trust no copy":
 * a reader drops what it holds and asks the ledger again. A reader reads the version in the same
 * script as (or, paging, before and after) the keys it copies, and re-reads it at least once per
 * the bound it promises; between two reads it may be stale by at most that bound.</li>
 * </ul>
 * A write that does not follow this rule (say, by hand with {@code redis-cli}) is seen by gateways
 * only once something else moves the version: bump it after such a write.
 */
public record LedgerKeys(String campaign, String stock, String issued, String outbox, String version) {

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

    /**
     * Defines the Lua function {@code bump_version(key)}: sets the version key to {@code
     * max(current + 1, TIME in microseconds)} and returns the new value. Prepended to the source of
     * every script that must bump a coupon's version; needs Redis 5 or later (effects replication,
     * so a write may follow {@code TIME}). Doubles hold the microsecond clock exactly until 2255.
     */
    public static final String BUMP_VERSION_LUA = """
            local function bump_version(key)
              local time = redis.call('TIME')
              local micros = tonumber(time[1]) * 1000000 + tonumber(time[2])
              local current = tonumber(redis.call('GET', key) or '0') or 0
              local version = string.format('%.0f', math.max(current + 1, micros))
              redis.call('SET', key, version)
              return version
            end
            """;

    /** Consumer group of the gateway relays on every outbox stream. */
    public static final String RELAY_GROUP = "relay";

    public static final String ACTIVE = "ACTIVE";

    private static final Pattern COUPON_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public static LedgerKeys forCoupon(String couponCode) {
        if (!isValidCouponCode(couponCode)) {
            throw new IllegalArgumentException("invalid coupon code: " + couponCode);
        }
        String tag = "{coupon:" + couponCode + "}";
        return new LedgerKeys(tag + ":campaign", tag + ":stock", tag + ":issued", tag + ":outbox", tag + ":version");
    }

    /** Codes are restricted so they can never break out of the hash tag or the key shape. */
    public static boolean isValidCouponCode(String couponCode) {
        return couponCode != null && COUPON_CODE.matcher(couponCode).matches();
    }

    /** Every key of the coupon, its version included. */
    public List<String> all() {
        return List.of(campaign, stock, issued, outbox, version);
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

        /**
         * The hash as the worker's provisioning writes it: numbers in decimal, times in epoch
         * milliseconds, an open-ended campaign with an empty end.
         */
        public static Map<String, String> of(long id, int quantity, String status, Instant startsAt, Instant endsAt) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(ID, Long.toString(id));
            fields.put(QUANTITY, Integer.toString(quantity));
            fields.put(STATUS, status);
            fields.put(STARTS_AT, Long.toString(startsAt.toEpochMilli()));
            fields.put(ENDS_AT, endsAt == null ? "" : Long.toString(endsAt.toEpochMilli()));
            return fields;
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
