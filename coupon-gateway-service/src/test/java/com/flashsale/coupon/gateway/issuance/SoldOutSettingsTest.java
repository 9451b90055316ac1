package com.flashsale.coupon.gateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SoldOutSettingsTest {

    @Test
    void readsVersionsFourTimesPerBound() {
        SoldOutSettings settings = new SoldOutSettings(Duration.ofSeconds(1), 10);

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.pollEvery()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void zeroTurnsTheCopiesOff() {
        assertThat(new SoldOutSettings(Duration.ZERO, 10).enabled()).isFalse();
    }
}
