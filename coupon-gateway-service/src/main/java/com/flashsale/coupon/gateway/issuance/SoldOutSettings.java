package com.flashsale.coupon.gateway.issuance;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a gateway answers sold-out campaigns from what it knows ({@link SoldOutCampaigns}).
 *
 * @param refresh the longest a gateway goes on answering from its copy of a sold-out campaign after
 *        the campaign's ledger changed (a coupon given back, a repair, a new quantity, status or
 *        window, a reset): a copy is used only while its version was confirmed less than this long
 *        ago, and the version is read four times per period. Zero turns the copies off: Redis answers
 *        every request.
 * @param maxHolders the most holders a copy may have, at 8 bytes each; a campaign with more is not
 *        copied and Redis goes on answering its requests.
 */
@Validated
@ConfigurationProperties("coupon.sold-out")
record SoldOutSettings(@NotNull @DefaultValue("1s") Duration refresh,
        @Min(0) @DefaultValue("1000000") int maxHolders) {

    boolean enabled() {
        return !refresh.isZero() && !refresh.isNegative();
    }

    /** How often the background task confirms versions and reads newly sold-out campaigns. */
    Duration pollEvery() {
        return refresh.dividedBy(4);
    }
}
