package com.flashsale.coupon.worker.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Maps an entity's {@code Instant} to a {@code DATETIME(3)} column holding UTC, as text. Connector/J
 * takes MariaDB's reported version for MySQL 5.5 and drops the milliseconds of every temporal
 * parameter (checked here: 10:00:00.123 is stored as 10:00:00.000), the reason
 * {@link CouponIssueRows#utcDateTime} binds text too; both servers convert the text exactly.
 */
@Converter
public class UtcDateTimeText implements AttributeConverter<Instant, String> {

    // The server answers "2026-01-01 10:00:00" when the fraction is zero, "...00.123" otherwise; uuuu
    // as CouponIssueRows writes it (the proleptic year, not yyyy's year of era).
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    @Override
    public String convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : CouponIssueRows.utcDateTime(instant);
    }

    @Override
    public Instant convertToEntityAttribute(String text) {
        return text == null ? null : LocalDateTime.parse(text, READ).toInstant(ZoneOffset.UTC);
    }
}
