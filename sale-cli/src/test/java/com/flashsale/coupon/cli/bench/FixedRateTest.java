package com.flashsale.coupon.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FixedRateTest {

    @Test
    void aSaturatingRunIsScaledDownToTheShareTheRowIsOfferedAt() {
        // 1,000 req/s answered with the processes using the whole machine: 40 % of it carries 400.
        assertThat(SystemRows.scaledToShare(1000, 1.0)).isCloseTo(1000 * SystemRows.FIXED_RATE_SHARE, within(1e-9));
    }

    @Test
    void aLightRunIsScaledUpToTheShare() {
        assertThat(SystemRows.scaledToShare(300, SystemRows.FIXED_RATE_SHARE / 2)).isCloseTo(600, within(1e-9));
    }

    @Test
    void aRunWhoseShareWasNotMeasuredKeepsItsRate() {
        assertThat(SystemRows.scaledToShare(300, 0)).isEqualTo(300);
    }
}
