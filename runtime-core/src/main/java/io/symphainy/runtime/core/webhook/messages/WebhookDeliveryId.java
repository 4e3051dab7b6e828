package io.symphainy.runtime.core.webhook.messages;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one delivery of one event to one webhook endpoint; receivers use it to recognise repeats.
 */
public record WebhookDeliveryId(UUID value) {
    public WebhookDeliveryId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The delivery of an event to an endpoint: the same pair always names the same delivery, so handling an event
     * twice never queues it twice.
     */
    public static WebhookDeliveryId of(WebhookId webhookId, String eventIdentifier) {
        String name = "webhook-delivery:" + webhookId + ":" + eventIdentifier;
        return new WebhookDeliveryId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
