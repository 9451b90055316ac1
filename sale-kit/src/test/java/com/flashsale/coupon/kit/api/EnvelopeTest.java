package com.flashsale.coupon.kit.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnvelopeTest {

    @Test
    void readsTheErrorCode() {
        assertThat(Envelope.errorCode("{\"success\":false,\"error\":{\"code\":\"COUPON-003\",\"message\":\"Sold out.\"},"
                + "\"timestamp\":\"2026-01-01T00:00:00Z\"}")).isEqualTo("COUPON-003");
        assertThat(Envelope.errorCode("{\"success\": false, \"error\": {\"message\": \"x\", \"code\" : \"MEMBER-001\"}}"))
                .isEqualTo("MEMBER-001");
    }

    @Test
    void findsNoCodeWhereThereIsNone() {
        assertThat(Envelope.errorCode("{\"success\":true,\"data\":{\"couponCode\":\"FLASH100\",\"memberId\":1}}")).isNull();
        assertThat(Envelope.errorCode("<html>Bad Gateway</html>")).isNull();
        assertThat(Envelope.errorCode("")).isNull();
        assertThat(Envelope.errorCode(null)).isNull();
        assertThat(Envelope.errorCode("{\"error\":{\"code\":null}}")).isNull();
    }
}
