package com.flashsale.coupon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every golden sample ever written must keep deserialising: old events can sit in Kafka for days. */
class GoldenSamplesTest {

    @Test
    void everyGoldenSampleStillDeserialises() throws IOException, URISyntaxException {
        Path folder = Path.of(GoldenSamplesTest.class.getResource("/golden").toURI());
        List<Path> samples;
        try (Stream<Path> files = Files.list(folder)) {
            samples = files.filter(p -> p.getFileName().toString().startsWith("coupon-issued-v")).toList();
        }

        assertThat(samples).hasSizeGreaterThanOrEqualTo(CouponIssued.CURRENT_SCHEMA_VERSION);
        for (Path sample : samples) {
            CouponIssued event = EventCodec.couponIssued(Files.readString(sample));
            assertThat(sample.getFileName().toString()).isEqualTo("coupon-issued-v" + event.schemaVersion() + ".json");
        }
    }
}
