package com.flashsale.coupon.worker.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A fingerprint of members and their statuses, fed in id order: equal digests mean the members hash
 * would be written with exactly the same content. It becomes the ledger's members version, which is
 * what lets the periodic provisioning skip an unchanged hash and the gateway skip re-reading it.
 */
final class MemberDigest {

    private final MessageDigest sha256;
    private long count;

    MemberDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    void add(List<LedgerMember> members) {
        for (LedgerMember member : members) {
            sha256.update((member.id() + ":" + member.status() + "\n").getBytes(StandardCharsets.UTF_8));
            count++;
        }
    }

    long count() {
        return count;
    }

    /** The version string: the member count, then the hex digest. Ends the digest. */
    String version() {
        return count + ":" + HexFormat.of().formatHex(sha256.digest());
    }
}
