package com.flashsale.coupon.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.backoff.BackOffExecution;

class RelaySettingsTest {

    @Test
    void aFailingRelayWaitsAHundredMillisecondsDoublingUpToFiveSecondsAndNeverGivesUp() {
        RelaySettings defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("coupon.relay", RelaySettings.class);

        BackOffExecution failuresInARow = defaults.retryBackOff().start();

        assertThat(Stream.generate(failuresInARow::nextBackOff).limit(1_000).toList())
                .startsWith(100L, 200L, 400L, 800L, 1_600L, 3_200L, 5_000L, 5_000L)
                .containsOnly(100L, 200L, 400L, 800L, 1_600L, 3_200L, 5_000L);
    }
}
