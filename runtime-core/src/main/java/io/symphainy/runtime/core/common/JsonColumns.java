package io.symphainy.runtime.core.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Converts read-model values to and from PostgreSQL {@code jsonb} and {@code timestamptz} columns.
 */
public final class JsonColumns {

    private static final ObjectMapper MAPPER = StorageMapper.create();

    private JsonColumns() {
    }

    /** JSON text for a jsonb parameter; the driver sends it untyped and PostgreSQL casts it. */
    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A JSON object column as a map; empty when null. */
    public static <V> Map<String, V> readMap(String json) {
        return json == null ? Map.of() : read(json, new TypeReference<Map<String, V>>() { });
    }

    /** A JSON array column as a list of strings; empty when null. */
    public static List<String> readStrings(String json) {
        return json == null ? List.of() : read(json, new TypeReference<List<String>>() { });
    }

    /** A timestamptz parameter. */
    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** A timestamptz column. */
    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
