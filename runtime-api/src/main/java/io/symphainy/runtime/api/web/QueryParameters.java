package io.symphainy.runtime.api.web;

import io.symphainy.runtime.api.error.FieldViolation;
import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.error.Problems;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Parses the query parameters of listings that Spring cannot convert alone, answering a 400 problem that names the
 * parameter when one is malformed.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** An ISO-8601 instant, or {@code null} when the parameter is absent or blank. */
    public static Instant instant(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException notInstant) {
            throw invalid(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    /** Refuses a time range whose inclusive start is not before its exclusive end. */
    public static void requireOrdered(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw invalid("to", "must be after from");
        }
    }

    /** A text filter, or {@code null} when absent or blank. */
    public static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw;
    }

    /** The INVALID_REQUEST problem naming one parameter. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemCode.INVALID_REQUEST, ProblemCode.INVALID_REQUEST.defaultDetail(),
                Map.of(Problems.ERRORS_PROPERTY, List.of(new FieldViolation(field, message))));
    }
}
