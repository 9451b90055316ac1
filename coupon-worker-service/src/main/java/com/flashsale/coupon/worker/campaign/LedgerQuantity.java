package com.flashsale.coupon.worker.campaign;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.events.LedgerKeys.CampaignFields;
import com.flashsale.coupon.worker.ledger.LedgerScript;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/** Lowers a campaign's quantity in the Redis ledger only if no more than it were issued meanwhile. */
@Component
record LedgerQuantity(StringRedisTemplate redis) {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> LOWER = LedgerScript.bumpingVersion("campaign/lower-quantity.lua", List.class);

    /**
     * Returns how many the ledger has issued when that is more than {@code quantity}; 0 once lowered, and
     * 0 when the ledger does not hold the campaign: provisioning then writes it with the new quantity.
     */
    long lower(String code, int quantity) {
        LedgerKeys keys = LedgerKeys.forCoupon(code);
        List<?> result = redis.execute(LOWER, List.of(keys.campaign(), keys.stock(), keys.issued(), keys.version()),
                CampaignFields.QUANTITY, Integer.toString(quantity));
        // The script's nil (no such campaign) reaches here as a list holding one null.
        if (result == null || result.isEmpty() || !(result.get(0) instanceof Number outcome) || outcome.longValue() == 0) {
            return 0;
        }
        return ((Number) result.get(1)).longValue();
    }
}
