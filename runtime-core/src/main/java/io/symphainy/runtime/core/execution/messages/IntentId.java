package io.symphainy.runtime.core.execution.messages;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an intent as the client submitted it.
 */
public record IntentId(UUID value) {
    public IntentId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, random identifier. */
    public static IntentId random() {
        return new IntentId(UUID.randomUUID());
    }

    /** Parses the raw form produced by {@link #toString()}. */
    public static IntentId of(String raw) {
        return new IntentId(UUID.fromString(raw));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
