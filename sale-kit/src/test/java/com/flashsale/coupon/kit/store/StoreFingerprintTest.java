package com.flashsale.coupon.kit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreFingerprintTest {

    @Test
    void namesEveryReadingThatDiffers() {
        StoreFingerprint before = new StoreFingerprint(Map.of("a", "1", "b", "2", "c", "3"));
        StoreFingerprint after = new StoreFingerprint(Map.of("a", "1", "b", "5", "d", "4"));

        assertThat(before.differencesTo(before)).isEmpty();
        assertThat(before.differencesTo(after)).containsExactly("b: 2 -> 5", "c: 3 -> null", "d: null -> 4");
    }
}
