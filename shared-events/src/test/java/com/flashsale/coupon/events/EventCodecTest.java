package com.flashsale.coupon.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecTest {

    @Test
    void readsGoldenSampleOfVersion1() throws IOException {
        CouponIssued event = EventCodec.couponIssued(golden("coupon-issued-v1.json"));

        assertThat(event).isEqualTo(new CouponIssued(1, "FLASH100:1763900000000-0", 2, "FLASH100", 42,
                Instant.parse("2025-11-23T12:13:20Z")));
    }

    @Test
    void roundTripsTheCurrentVersion() {
        CouponIssued event = CouponIssued.of("FLASH100:1-0", 2, "FLASH100", 7, Instant.parse("2026-01-02T03:04:05.678Z"));

        String json = EventCodec.toJson(event);

        assertThat(json).contains("\"schemaVersion\":1").contains("\"acceptedAt\":\"2026-01-02T03:04:05.678Z\"");
        assertThat(EventCodec.couponIssued(json)).isEqualTo(event);
    }

    @Test
    void ignoresFieldsAddedByNewerWritersOfTheSameVersion() {
        String json = """
                {"schemaVersion":1,"eventId":"A:1-0","couponId":1,"couponCode":"A","memberId":3,
                 "acceptedAt":"2026-01-01T00:00:00Z","channel":"app"}""";

        assertThat(EventCodec.couponIssued(json).memberId()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{}", "[1,2]",
            "{\"schemaVersion\":99,\"eventId\":\"A:1-0\",\"couponId\":1,\"couponCode\":\"A\",\"memberId\":3,\"acceptedAt\":\"2026-01-01T00:00:00Z\"}",
            "{\"schemaVersion\":1,\"eventId\":\"A:1-0\",\"couponId\":1,\"couponCode\":\"A\",\"acceptedAt\":\"2026-01-01T00:00:00Z\"}",
            "{\"schemaVersion\":1,\"eventId\":\"A:1-0\",\"couponId\":-1,\"couponCode\":\"A\",\"memberId\":3,\"acceptedAt\":\"2026-01-01T00:00:00Z\"}"})
    void refusesPayloadsThatAreNotAValidEvent(String payload) {
        assertThatThrownBy(() -> EventCodec.couponIssued(payload)).isInstanceOf(UnreadableEventException.class);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = EventCodecTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
