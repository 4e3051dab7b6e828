package io.symphainy.runtime.core.common.messages;

import java.util.Objects;

/**
 * Identifies the person or system a tenant's credential speaks for.
 */
public record UserId(String value) {
    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("UserId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
