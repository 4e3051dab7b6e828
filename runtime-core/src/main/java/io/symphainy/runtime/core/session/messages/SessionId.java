package io.symphainy.runtime.core.session.messages;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a session: a tenant-scoped conversation context that every intent needs.
 */
public record SessionId(UUID value) {
    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, random identifier. */
    public static SessionId random() {
        return new SessionId(UUID.randomUUID());
    }

    /** Parses the raw form produced by {@link #toString()}. */
    public static SessionId of(String raw) {
        return new SessionId(UUID.fromString(raw));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
