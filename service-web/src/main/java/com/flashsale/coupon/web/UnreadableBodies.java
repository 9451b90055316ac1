package com.flashsale.coupon.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What was wrong with a body the strict reading refused, in the API's words: the field by its JSON
 * name and what it takes (the names of a status, an ISO-8601 instant, a number), never a Java type.
 * A body that is not one JSON object at all, or that could be read two ways, has no field to name:
 * the service's general message says what a body must be.
 */
final class UnreadableBodies {

    private UnreadableBodies() {
    }

    static Optional<String> reason(HttpMessageNotReadableException refusal) {
        Throwable cause = refusal.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Optional.of("'" + unknown.getPropertyName() + "' is not a field of this request.");
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String field = field(mismatch);
            if (!field.isEmpty() && mismatch.getTargetType() != null) {
                return Optional.of(field + ": " + takes(mismatch.getTargetType()) + ".");
            }
        }
        return Optional.empty();
    }

    /** {@code quantity}, {@code items[2].id}: the names and positions of the path, nothing of the types. */
    private static String field(JacksonException refusal) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : refusal.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String takes(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == Instant.class) {
            return "must be an ISO-8601 instant such as 2026-12-01T09:00:00Z";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "must be a whole number";
        }
        return "has a value of another type than this field takes";
    }
}
