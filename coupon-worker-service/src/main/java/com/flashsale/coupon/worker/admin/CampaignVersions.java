package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.web.ApiResponse;
import com.flashsale.coupon.worker.campaign.CampaignRefusal;
import com.flashsale.coupon.worker.campaign.CampaignView;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;

/**
 * A campaign's version on the wire: its ETag, and the {@code If-Match} a change or a read may carry.
 * Without {@code If-Match} (or with {@code *}) a change applies to the current version; with it, only to
 * that version, so a change decided on a stale read is refused, and so is a read of another version.
 */
final class CampaignVersions {

    /**
     * The ETag exactly as given: a strong tag, quoted, the number without leading zeros. A weak tag
     * ({@code W/"3"}) never matches under {@code If-Match}, and {@code 3} or {@code "03"} is not what
     * any answer gave.
     */
    private static final Pattern VERSION = Pattern.compile("\"(0|[1-9]\\d{0,17})\"");

    private CampaignVersions() {
    }

    /** Null when any version will do. */
    static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidVersionException(ifMatch);
        }
        return Long.parseLong(matcher.group(1));
    }

    /**
     * Refuses a read whose {@code If-Match} names another version than the campaign's, as HTTP has any
     * method refuse it ({@code 412}): a client that read with it expects the version it decided on.
     */
    static void requireMatch(CampaignView campaign, Long expected) {
        if (expected != null && expected != campaign.version()) {
            throw CampaignRefusal.staleVersion(campaign.couponCode(), campaign.version(), expected);
        }
    }

    static <T> ResponseEntity<ApiResponse<T>> ok(T body, long version) {
        return ResponseEntity.ok().eTag(etag(version)).body(ApiResponse.ok(body));
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
