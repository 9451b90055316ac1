package com.flashsale.coupon.worker.ledger;

import com.flashsale.coupon.events.LedgerKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Scripts that change a coupon's ledger other than by an issuance. Each must move the coupon's
 * version in the same script ({@link LedgerKeys}, "The ledger version"), so gateways answering a
 * sold-out campaign from a copy learn that the copy may be stale: their source gets the contract's
 * {@code bump_version(key)} function prepended, and calls it after its writes.
 */
public final class LedgerScript {

    private LedgerScript() {
    }

    public static <T> RedisScript<T> bumpingVersion(String classpathLocation, Class<T> resultType) {
        try {
            String body = new ClassPathResource(classpathLocation).getContentAsString(StandardCharsets.UTF_8);
            return RedisScript.of(LedgerKeys.BUMP_VERSION_LUA + body, resultType);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ledger script " + classpathLocation, e);
        }
    }
}
