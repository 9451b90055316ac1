package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.worker.provisioning.ProvisionedCampaign;
import com.flashsale.coupon.worker.provisioning.ReferenceDataProvisioner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Changes a coupon in MySQL, then provisions it into Redis at once rather than waiting for the
 * periodic run. Should Redis fail in between, the periodic run carries the change over later.
 */
@Service
class CouponAdministration {

    private final JdbcClient jdbc;
    private final ReferenceDataProvisioner provisioner;

    CouponAdministration(JdbcClient jdbc, ReferenceDataProvisioner provisioner) {
        this.jdbc = jdbc;
        this.provisioner = provisioner;
    }

    /** Redis shifts the stock by the change of quantity; what was already sold stays sold. */
    ProvisionedCampaign changeQuantity(String couponCode, int quantity) {
        update("UPDATE coupons SET quantity = ?, version = version + 1 WHERE code = ?", quantity, couponCode);
        return provision(couponCode);
    }

    ProvisionedCampaign changeStatus(String couponCode, CampaignStatus status) {
        update("UPDATE coupons SET status = ?, version = version + 1 WHERE code = ?", status.name(), couponCode);
        return provision(couponCode);
    }

    private void update(String sql, Object value, String couponCode) {
        if (jdbc.sql(sql).params(value, couponCode).update() == 0) {
            throw new UnknownCouponException(couponCode);
        }
    }

    private ProvisionedCampaign provision(String couponCode) {
        return provisioner.provisionCampaign(couponCode).orElseThrow(() -> new UnknownCouponException(couponCode));
    }
}
