package com.flashsale.coupon.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads request JSON strictly, in both services: a body is read one way or refused.
 * <ul>
 * <li>{@code "memberId": 1.5} or {@code "memberId": "7"} is a client bug, and silently turning it
 * into member 1 or 7 would issue a coupon to someone who did not ask, and an operator's
 * {@code "quantity": "500"} would change a campaign by something no one wrote;</li>
 * <li>{@code {"memberId":1,"memberId":2}} or a second value after the object could be read as
 * either member by two parsers (a proxy that checked one, the service that acts on the other);</li>
 * <li>a field the API does not define is a client that believes it asked for something it did not
 * get;</li>
 * <li>{@code "status": 2} is whichever status happens to be third, and {@code "startsAt": 1893456000}
 * (or {@code "1893456000"}) a number of seconds or of milliseconds, depending on who wrote it: names
 * and ISO-8601 instants only.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfig {

    @Bean
    JsonMapperBuilderCustomizer strictNumbers() {
        return builder -> builder
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    JsonMapperBuilderCustomizer namesAndInstantsAsText() {
        return builder -> builder
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .addModule(new SimpleModule("iso-instants").addDeserializer(Instant.class, new IsoInstants()));
    }

    /**
     * Jackson's own reader takes numbers and numeric strings as epoch seconds, whatever the coercion
     * settings say, and a leap second as the second before it; this one takes an ISO-8601 instant
     * with its offset ({@code 2030-06-30T12:00:00Z}, {@code 2030-06-30T14:00:00+02:00}) and nothing else.
     */
    static final class IsoInstants extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.reportInputMismatch(Instant.class, "an instant is an ISO-8601 text such as 2030-06-30T12:00:00Z");
            }
            try {
                TemporalAccessor parsed = DateTimeFormatter.ISO_INSTANT.parse(parser.getString());
                if (parsed.query(DateTimeFormatter.parsedLeapSecond())) {
                    return context.reportInputMismatch(Instant.class, "a leap second is not an instant the API keeps");
                }
                return Instant.from(parsed);
            } catch (DateTimeException e) {
                return context.reportInputMismatch(Instant.class, "an instant is an ISO-8601 text such as 2030-06-30T12:00:00Z");
            }
        }
    }

    @Bean
    JsonMapperBuilderCustomizer oneReadingOnly() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
