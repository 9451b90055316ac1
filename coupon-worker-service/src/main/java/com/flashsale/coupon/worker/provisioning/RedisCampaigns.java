package com.flashsale.coupon.worker.provisioning;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.events.LedgerKeys.CampaignFields;
import com.flashsale.coupon.worker.ledger.LedgerScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Campaigns in the Redis ledger the gateway decides from, beside {@link CampaignRows}: writes them
 * (the provisioning script and the campaign set), lists and deletes them.
 */
@Component
record RedisCampaigns(StringRedisTemplate redis) {

    private static final RedisScript<Long> PROVISION = LedgerScript.bumpingVersion("provisioning/provision-campaign.lua", Long.class);
    private static final RedisScript<Long> DELETE = LedgerScript.bumpingVersion("provisioning/delete-campaign.lua", Long.class);

    /** Returns the stock after provisioning. The template reloads the script when Redis lost it (NOSCRIPT). */
    long provision(Campaign campaign) {
        LedgerKeys keys = LedgerKeys.forCoupon(campaign.code());
        List<String> args = new ArrayList<>();
        args.add(CampaignFields.QUANTITY);
        args.add(Integer.toString(campaign.quantity()));
        for (Map.Entry<String, String> field : campaign.ledgerFields().entrySet()) {
            args.add(field.getKey());
            args.add(field.getValue());
        }
        Long stock = redis.execute(PROVISION, List.of(keys.campaign(), keys.stock(), keys.issued(), keys.version()),
                args.toArray());
        // Another slot than the campaign's keys, so it cannot join the script on Redis Cluster.
        redis.opsForSet().add(LedgerKeys.CAMPAIGNS, campaign.code());
        return stock == null ? 0 : stock;
    }

    Set<String> provisionedCodes() {
        Set<String> codes = redis.opsForSet().members(LedgerKeys.CAMPAIGNS);
        return codes == null ? Set.of() : codes;
    }

    /**
     * Deletes every key of one coupon, outbox included, and moves its version in the same script
     * (the keys share a slot): gateways holding the campaign as sold out learn of the reset.
     */
    long delete(String code) {
        LedgerKeys keys = LedgerKeys.forCoupon(code);
        Long deleted = redis.execute(DELETE,
                List.of(keys.campaign(), keys.stock(), keys.issued(), keys.outbox(), keys.version()));
        return deleted == null ? 0 : deleted;
    }

    long deleteCampaignSet() {
        return Boolean.TRUE.equals(redis.delete(LedgerKeys.CAMPAIGNS)) ? 1 : 0;
    }
}
