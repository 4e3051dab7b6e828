package io.symphainy.runtime.core.apikey.messages;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one API key an administrator issued; safe to show, unlike the key itself.
 */
public record ApiKeyId(UUID value) {
    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, random identifier. */
    public static ApiKeyId random() {
        return new ApiKeyId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
