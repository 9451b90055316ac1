package com.flashsale.coupon.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LedgerKeysTest {

    @Test
    void everyKeyOfOneCouponSharesItsHashTag() {
        LedgerKeys keys = LedgerKeys.forCoupon("FLASH100");

        assertThat(keys.all()).allSatisfy(key -> assertThat(key).startsWith("{coupon:FLASH100}:"));
        assertThat(keys.all()).hasSize(5).doesNotHaveDuplicates();
        assertThat(keys.stock()).isEqualTo("{coupon:FLASH100}:stock");
        assertThat(keys.version()).isEqualTo("{coupon:FLASH100}:version");
    }

    @Test
    void refusesCodesThatCouldEscapeTheHashTag() {
        assertThatThrownBy(() -> LedgerKeys.forCoupon("A}B")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerKeys.forCoupon("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerKeys.forCoupon("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }
}
