package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.worker.provisioning.ReferenceDataProvisioner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Changes a member's status in MySQL, then in the ledger. Gateways ask the ledger about a member they do
 * not hold as active at once; one they hold as active they keep answering as such until their copy of
 * the active members sees the change, within {@code coupon.members.mirror-refresh}.
 */
@Service
record MemberAdministration(JdbcClient jdbc, ReferenceDataProvisioner provisioner) {

    MemberStatusChanged changeStatus(long memberId, MemberStatus status) {
        int updated = jdbc.sql("UPDATE members SET status = ? WHERE id = ?").params(status.name(), memberId).update();
        if (updated == 0 || !provisioner.provisionMember(memberId)) {
            throw new UnknownMemberException(memberId);
        }
        return new MemberStatusChanged(memberId, status);
    }
}
