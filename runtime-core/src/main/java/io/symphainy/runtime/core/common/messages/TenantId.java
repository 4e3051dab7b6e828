package io.symphainy.runtime.core.common.messages;

import java.util.Objects;

/**
 * Identifies an isolated customer; every record of the runtime carries one.
 */
public record TenantId(String value) {
    public TenantId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("TenantId must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
