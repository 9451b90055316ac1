package com.flashsale.coupon.worker.provisioning;

import com.flashsale.coupon.events.LedgerKeys;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Members in the Redis ledger, beside {@link MemberRows}: writes their statuses into the members
 * hash, and the hash's version after every write (see
 * {@link LedgerKeys#MEMBERS_VERSION}): readers that keep a copy re-read the hash only when it changes.
 */
@Component
record RedisMembers(StringRedisTemplate redis) {

    /**
     * One HSET per chunk, all chunks in one pipeline: a hundred thousand members cost a handful of
     * round trips, and no single command grows large enough to stall Redis for other clients.
     */
    void putAll(List<Member> members, int chunkSize) {
        byte[] key = utf8(LedgerKeys.MEMBERS);
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (int from = 0; from < members.size(); from += chunkSize) {
                Map<byte[], byte[]> chunk = new LinkedHashMap<>();
                for (Member member : members.subList(from, Math.min(from + chunkSize, members.size()))) {
                    chunk.put(utf8(Long.toString(member.id())), utf8(member.status()));
                }
                connection.hashCommands().hMSet(key, chunk);
            }
            return null;
        });
    }

    /** Marks the hash as holding exactly the members the version describes; call after writing them. */
    void markWritten(String version) {
        redis.opsForValue().set(LedgerKeys.MEMBERS_VERSION, version);
    }

    /**
     * True when the last full write had this version and the hash still holds at least that many
     * members (a hash lost or emptied since is written again).
     */
    boolean holds(String version, long count) {
        return Objects.equals(redis.opsForValue().get(LedgerKeys.MEMBERS_VERSION), version)
                && redis.opsForHash().size(LedgerKeys.MEMBERS) >= count;
    }

    /**
     * One member's status. The version becomes a value no digest can have: readers re-read the hash,
     * and the next full pass finds it different from MySQL's digest and writes the hash whole again.
     */
    void put(Member member) {
        redis.opsForHash().put(LedgerKeys.MEMBERS, Long.toString(member.id()), member.status());
        redis.opsForValue().set(LedgerKeys.MEMBERS_VERSION, "member " + member.id() + " " + UUID.randomUUID());
    }

    long deleteAll() {
        return redis.delete(List.of(LedgerKeys.MEMBERS, LedgerKeys.MEMBERS_VERSION));
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
