package com.flashsale.coupon.worker.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param settle how long the sale reset waits, once it has rebuilt the ledger (moving every coupon's
 *        ledger version), before it answers: the gateways' {@code coupon.sold-out.refresh}, the
 *        longest a gateway may still answer a campaign as sold out from its copy of the old ledger.
 *        A sale started after the answer is then decided by the new ledger on every gateway.
 */
@ConfigurationProperties("coupon.reset")
record ResetSettings(@DefaultValue("1s") Duration settle) {
}
