package com.flashsale.coupon.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RedisBenchmarkTest {

    @Test
    void readsThroughputAndPercentilesFromTheCsvLine() {
        String output = """
                "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
                "EVALSHA 3c7f 4 {coupon:X}:campaign {coupon:X}:stock {coupon:X}:issued {coupon:X}:outbox __rand_int__ 1","23957.84","2.436","0.352","2.255","4.239","7.111","17.343"
                """;

        RedisBenchmark.Result result = RedisBenchmark.parse(output, 49_987);

        assertThat(result.throughput()).isEqualTo(23_957.84, within(1e-9));
        assertThat(result.p50()).isEqualTo(2.255, within(1e-9));
        assertThat(result.p99()).isEqualTo(7.111, within(1e-9));
        assertThat(result.issued()).isEqualTo(49_987);
    }
}
