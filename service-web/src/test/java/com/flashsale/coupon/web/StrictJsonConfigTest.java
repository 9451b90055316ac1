package com.flashsale.coupon.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Request JSON is read one way or refused: the readings that would guess are refused. */
class StrictJsonConfigTest {

    enum Status {
        ACTIVE, PAUSED, ENDED
    }

    record Change(Status status, Instant startsAt, String name, Long memberId) {
    }

    private final JsonMapper mapper = strictMapper();

    @Test
    void readsTheApisOwnShapes() {
        Change change = mapper.readValue(
                "{\"status\":\"PAUSED\",\"startsAt\":\"2030-06-30T12:00:00Z\",\"name\":\"Spring\",\"memberId\":7}", Change.class);

        assertThat(change).isEqualTo(new Change(Status.PAUSED, Instant.parse("2030-06-30T12:00:00Z"), "Spring", 7L));
    }

    @Test
    void readsAnInstantWithItsOffset() {
        Change change = mapper.readValue("{\"startsAt\":\"2030-06-30T14:00:00+02:00\"}", Change.class);

        assertThat(change.startsAt()).isEqualTo(Instant.parse("2030-06-30T12:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"status\":2}", "{\"status\":\"2\"}",
        "{\"startsAt\":1893456000}", "{\"startsAt\":1893456000.5}", "{\"startsAt\":\"1893456000\"}", "{\"startsAt\":-1}",
        "{\"startsAt\":\"2030-06-30\"}", "{\"startsAt\":\"2030-06-30T23:59:60Z\"}", "{\"startsAt\":\"2030-06-30T12:00:00\"}",
        "{\"memberId\":1.5}", "{\"memberId\":\"7\"}", "{\"name\":7}",
        "{\"memberId\":1,\"memberId\":2}", "{\"memberId\":1} {}", "{\"other\":1}" })
    void refusesWhatItWouldHaveToGuess(String json) {
        assertThatThrownBy(() -> mapper.readValue(json, Change.class)).isInstanceOf(JacksonException.class);
    }

    private static JsonMapper strictMapper() {
        StrictJsonConfig config = new StrictJsonConfig();
        JsonMapper.Builder builder = JsonMapper.builder();
        config.strictNumbers().customize(builder);
        config.namesAndInstantsAsText().customize(builder);
        config.oneReadingOnly().customize(builder);
        return builder.build();
    }
}
