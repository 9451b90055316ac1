package com.flashsale.coupon.worker.provisioning;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A fingerprint of members and their statuses: the member count and the XOR, over every member, of
 * the first 64 bits of SHA-256 of {@code "<id>:<status>"}. Equal fingerprints mean the members hash
 * would be written with the same content (a change goes unseen with odds of 1 in 2^64). It becomes
 * the ledger's members version, which is what lets the periodic provisioning skip an unchanged hash
 * and the gateway skip re-reading it.
 *
 * <p>Order does not matter, so MySQL computes the same value in one aggregate query
 * ({@link MemberRows#version()}): an unchanged periodic pass reads one row instead of every member.
 */
final class MemberDigest {

    private final MessageDigest sha256;
    private long count;
    private long fingerprint;

    MemberDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    void add(List<Member> members) {
        for (Member member : members) {
            byte[] hash = sha256.digest((member.id() + ":" + member.status()).getBytes(StandardCharsets.UTF_8));
            // Big-endian, as MySQL reads the first 16 hex digits of SHA2(..., 256).
            fingerprint ^= ByteBuffer.wrap(hash).getLong();
            count++;
        }
    }

    Version version() {
        return Version.of(count, fingerprint);
    }

    /** {@code value}: the member count, then the fingerprint in hex. */
    record Version(long count, String value) {

        static Version of(long count, long fingerprint) {
            return new Version(count, count + ":" + HexFormat.of().toHexDigits(fingerprint));
        }
    }
}
