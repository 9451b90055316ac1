package com.flashsale.coupon.lab.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreExactOrderStatistics() {
        Latencies latencies = new Latencies(1000);
        for (int ms = 1000; ms >= 1; ms--) {
            latencies.record(ms * 1_000_000L);
        }

        Latencies.Summary summary = latencies.summary();

        assertThat(summary.count()).isEqualTo(1000);
        assertThat(summary.p50()).isEqualTo(500.0);
        assertThat(summary.p99()).isEqualTo(990.0);
        assertThat(summary.p999()).isEqualTo(999.0);
        assertThat(summary.max()).isEqualTo(1000.0);
    }

    @Test
    void keepsWhatFitsWhenMoreIsRecordedThanExpected() {
        Latencies latencies = new Latencies(2);
        latencies.record(1_000_000);
        latencies.record(2_000_000);
        latencies.record(3_000_000);

        assertThat(latencies.summary().count()).isEqualTo(2);
    }
}
