package io.symphainy.runtime.core.webhook.messages;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook delivery stands.
 */
public enum WebhookDeliveryStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Every attempt failed; an operator may retry it. */
    FAILED;

    /** The lower-case name stored and shown in the API. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with the given lower-case name; empty for any other text. */
    public static Optional<WebhookDeliveryStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }
}
