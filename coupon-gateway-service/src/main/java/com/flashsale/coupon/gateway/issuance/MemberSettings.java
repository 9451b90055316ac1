package com.flashsale.coupon.gateway.issuance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mirrorRefresh how often the in-memory mirror of active members checks the members hash's
 *        version, re-reading the hash when it changed; with the time a re-read takes, the longest a
 *        deactivated member can still be issued a coupon. A check is one GET. Zero turns the mirror
 *        off (every request asks Redis for the status).
 */
@ConfigurationProperties("coupon.members")
record MemberSettings(@DefaultValue("1s") Duration mirrorRefresh) {
}
