package com.flashsale.coupon.worker.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An entity's instant as the DATETIME(3) column's UTC text, both ways. */
class UtcDateTimeTextTest {

    private final UtcDateTimeText converter = new UtcDateTimeText();

    @Test
    void readsWhatTheServerAnswersWithOrWithoutAFraction() {
        assertThat(converter.convertToEntityAttribute("2026-01-01 10:00:00")).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(converter.convertToEntityAttribute("2026-01-01 10:00:00.123"))
                .isEqualTo(Instant.parse("2026-01-01T10:00:00.123Z"));
    }

    /** The first and last instants a campaign may name, and years the year of era (yyyy) would have turned. */
    @Test
    void readsBackWhatItWrote() {
        for (String instant : new String[] { "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "0000-06-01T00:00:00Z",
                "-0005-01-01T00:00:00Z" }) {
            Instant written = Instant.parse(instant);

            assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(written))).isEqualTo(written);
        }
    }
}
