package com.flashsale.coupon.worker.provisioning;

import com.flashsale.coupon.events.LedgerKeys;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Writes member statuses into the ledger's members hash. */
@Component
class MemberLedger {

    private final StringRedisTemplate redis;

    MemberLedger(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * One HSET per chunk, all chunks in one pipeline: a hundred thousand members cost a handful of
     * round trips, and no single command grows large enough to stall Redis for other clients.
     */
    void putAll(List<LedgerMember> members, int chunkSize) {
        byte[] key = utf8(LedgerKeys.MEMBERS);
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (int from = 0; from < members.size(); from += chunkSize) {
                Map<byte[], byte[]> chunk = new LinkedHashMap<>();
                for (LedgerMember member : members.subList(from, Math.min(from + chunkSize, members.size()))) {
                    chunk.put(utf8(Long.toString(member.id())), utf8(member.status()));
                }
                connection.hashCommands().hMSet(key, chunk);
            }
            return null;
        });
    }

    void put(LedgerMember member) {
        redis.opsForHash().put(LedgerKeys.MEMBERS, Long.toString(member.id()), member.status());
    }

    long deleteAll() {
        return Boolean.TRUE.equals(redis.delete(LedgerKeys.MEMBERS)) ? 1 : 0;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
