package com.flashsale.coupon.worker.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outside the {@code local} profile the admin endpoints answer only to this token; a blank token
 * keeps them closed.
 */
@ConfigurationProperties("coupon.admin")
record AdminSettings(String token) {

    boolean hasToken() {
        return token != null && !token.isBlank();
    }
}
