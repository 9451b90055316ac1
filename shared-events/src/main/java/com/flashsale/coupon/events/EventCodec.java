package com.flashsale.coupon.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON form of the events. Readers ignore fields they do not know, so a newer writer can add
 * fields without breaking older readers; a version newer than this code understands is refused
 * rather than half-read.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private EventCodec() {
    }

    public static String toJson(CouponEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    public static CouponIssued couponIssued(String json) {
        if (json == null || json.isBlank()) {
            throw new UnreadableEventException("empty payload");
        }
        try {
            JsonNode tree = MAPPER.readTree(json);
            int version = tree.path("schemaVersion").asInt(0);
            if (version < 1 || version > CouponIssued.CURRENT_SCHEMA_VERSION) {
                throw new UnreadableEventException("unsupported CouponIssued schemaVersion " + version);
            }
            // Version 1 is the current shape; an older version would be upgraded here before binding.
            return MAPPER.treeToValue(tree, CouponIssued.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException("not a CouponIssued event: " + e.getMessage(), e);
        }
    }
}
