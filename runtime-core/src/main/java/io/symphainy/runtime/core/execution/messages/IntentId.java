package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TimeOrderedIds;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an intent as the client submitted it.
 */
public record IntentId(UUID value) {
    public IntentId {
        Objects.requireNonNull(value, "value");
    }

    /** A new identifier, in the order identifiers are made ({@link TimeOrderedIds}). */
    public static IntentId random() {
        return new IntentId(TimeOrderedIds.next());
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
