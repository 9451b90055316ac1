package com.flashsale.coupon.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.flashsale.coupon.kit.api.Outcome;

import org.junit.jupiter.api.Test;

class WrkTest {

    private static final String OUTPUT = """
            Running 5s test @ http://127.0.0.1:8080/api/v1/coupons/issue
              2 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   247.56ms  250.17ms   1.70s    86.19%
                Req/Sec   175.25    167.48   720.00     80.65%
              Latency Distribution
                 50%  141.99ms
                 75%  361.08ms
                 90%  578.56ms
                 99%    1.18s
              1641 requests in 5.06s, 429.57KB read
              Socket errors: connect 0, read 0, write 0, timeout 12
              Non-2xx or 3xx responses: 1142
            Requests/sec:    324.29
            Transfer/sec:     84.89KB
            """;

    @Test
    void readsCountsAndPercentilesInMilliseconds() {
        Wrk.Result result = Wrk.parse(OUTPUT);

        assertThat(result.requests()).isEqualTo(1641);
        assertThat(result.seconds()).isEqualTo(5.06, within(1e-9));
        assertThat(result.p50()).isEqualTo(141.99, within(1e-9));
        assertThat(result.p99()).isEqualTo(1180, within(1e-9));
        assertThat(result.non2xx()).isEqualTo(1142);
        assertThat(result.socketErrors()).isEqualTo(12);
        assertThat(result.lost()).isEqualTo(12);
        assertThat(result.ok()).isEqualTo(499);
    }

    @Test
    void readsMicrosecondLatenciesAndMissingErrorLines() {
        Wrk.Result result = Wrk.parse("""
                  Latency Distribution
                     50%  812.00us
                     99%    2.31ms
                  80000 requests in 8.00s, 20.00MB read
                """);

        assertThat(result.p50()).isEqualTo(0.812, within(1e-9));
        assertThat(result.p99()).isEqualTo(2.31, within(1e-9));
        assertThat(result.non2xx()).isZero();
        assertThat(result.throughput()).isEqualTo(10_000, within(1e-9));
    }

    @Test
    void takesARefusalForTheOneTheRowExpectsAsFarAsItCanBeAndCountsWhatWrkDidNotWaitForAsUnknown() {
        Wrk.Result result = Wrk.parse(OUTPUT);

        // 1,641 answers, 499 of them 200 and 1,142 refusals: with 1,000 repeated members, 142 refusals are
        // unexplained. 12 requests timed out, and up to 64 were in flight when wrk stopped.
        assertThat(result.outcomes(Outcome.DUPLICATE, 1_000, 64)).containsEntry(Outcome.ISSUED, 499L)
                .containsEntry(Outcome.DUPLICATE, 1_000L).containsEntry(Outcome.REFUSED, 142L)
                .containsEntry(Outcome.UNKNOWN, 76L);
        assertThat(result.outcomes(Outcome.SOLD_OUT, Long.MAX_VALUE, 64)).containsEntry(Outcome.SOLD_OUT, 1_142L)
                .containsEntry(Outcome.REFUSED, 0L);
        assertThat(result.distinctMembers(200_000)).isEqualTo(1_641);
        assertThat(result.distinctMembers(1_000)).isEqualTo(1_000);
    }
}
