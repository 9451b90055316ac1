package com.flashsale.coupon.gateway.issuance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mirrorRefresh how often the in-memory mirror of active members is re-read from Redis; also
 *        the longest a deactivated member can still be issued a coupon. One re-read of 200,000
 *        members cost the gateway about 0.1 s of CPU on a busy 2-core machine, hence seconds rather
 *        than milliseconds. Zero turns the mirror off (every request asks Redis for the status).
 */
@ConfigurationProperties("coupon.members")
record MemberSettings(@DefaultValue("5s") Duration mirrorRefresh) {
}
