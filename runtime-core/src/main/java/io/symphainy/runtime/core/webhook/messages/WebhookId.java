package io.symphainy.runtime.core.webhook.messages;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one webhook endpoint a tenant registered.
 */
public record WebhookId(UUID value) {
    public WebhookId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, random identifier. */
    public static WebhookId random() {
        return new WebhookId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
